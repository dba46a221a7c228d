import CareModel

/// A `carehub.problem/1` week compiled for the engine, with the maps back to the file's ids.
///
/// Time 0 is the origin instant; every time is whole minutes after it. Locations are the
/// carers' homes (0 ..< carers) followed by the clients' homes. Cost units are thousandths of
/// an objective point, so fractional weights (shortfall 0.5) stay integers.
public struct CompiledProblem: Sendable {
    public let problem: Problem
    public let instance: SolverInstance
    /// The instant of time 0.
    public let origin: Instant
    /// `shiftCarer[s]`: index into `problem.carers` of shift `s`'s carer.
    public let shiftCarer: [Int]
    /// Static reasons a visit cannot be staffed whatever the roster (no skill, pin unusable…).
    public let blockedReasons: [Int: String]

    /// Cost units per objective point.
    public static let costScale = 1000

    /// Minutes since the origin of an instant (rounded down).
    public func minutes(_ instant: Instant) -> Int { origin.minutes(to: instant) }

    /// The instant `minutes` after the origin.
    public func instant(_ minutes: Int) -> Instant { origin.adding(minutes: minutes) }
}

/// Compiles problems: travel matrix, carer × visit compatibility, shift tables.
public enum ProblemCompiler {
    /// Candidate shifts kept per visit, nearest homes first (`CandidateShifts`): above any
    /// realistic hub (a visit of the project's sample hubs and county has at most 63), so only a
    /// hub of thousands of carers is limited.
    public static let candidateLimit = 128

    /// Compiles a validated problem; `candidateLimit` bounds each visit's candidate shifts.
    public static func compile(_ problem: Problem, candidateLimit: Int = candidateLimit) -> CompiledProblem {
        let earliest =
            ([Instant(utcDate: problem.weekStart, minutes: 0)] + problem.visits.map(\.windowStart)
            + problem.carers.flatMap { $0.shifts.map(\.start) }).min() ?? Instant(utcDate: problem.weekStart, minutes: 0)
        // A whole minute, a day before anything, so every time is a small positive number.
        let origin = Instant(secondsSinceEpoch: (earliest.secondsSinceEpoch / 60 - 1440) * 60)
        func minutes(_ t: Instant) -> Int { origin.minutes(to: t) }
        let carerIndex = Dictionary(uniqueKeysWithValues: problem.carers.enumerated().map { ($1.id, $0) })
        let clientIndex = Dictionary(uniqueKeysWithValues: problem.clients.enumerated().map { ($1.id, $0) })
        // One matrix per transport the carers use, the first for the first mode in the format's
        // order: a problem where everyone drives compiles exactly as before.
        let modes = Set(problem.carers.map(\.transport)).sorted()
        let modeIndex = Dictionary(uniqueKeysWithValues: modes.enumerated().map { ($1, $0) })
        let matrices = (modes.isEmpty ? [.car] : modes).map { TravelMatrix(problem: problem, mode: $0).minutes }
        let matrix = matrices[0]
        let scale = CompiledProblem.costScale
        let w = problem.weights
        func units(_ x: Double) -> Int { Int((x * Double(scale)).rounded()) }
        let carerSkills = problem.carers.map { Set($0.skills) }
        let zone = ZoneOffsets(identifier: problem.timeZone)

        let heldSkills = Set(carerSkills.joined())
        var eligible = EligibleCarers(problem: problem, zone: zone)
        var blocked: [Int: String] = [:]
        let visits = problem.visits.enumerated().map { index, visit -> SolverVisit in
            let c = clientIndex[visit.client] ?? 0
            let client = problem.clients[c]
            let allowed = eligible.carers(for: visit, client: c)
            let pinned = visit.pinned.compactMap { carerIndex[$0] }
            var usable = allowed
            let reason = staticBlock(visit, allowed: allowed, pinned: pinned, problem: problem, carerSkills: carerSkills, heldSkills: heldSkills)
            if let reason {
                blocked[index] = reason
                usable = []
            }
            // Last time's carers, where they are still allowed (a carer who left is simply absent).
            let previous = visit.previousCarers.compactMap { carerIndex[$0] }.filter { SearchSolution.sortedContains(usable, $0) }
            return SolverVisit(
                location: problem.carers.count + c, windowStart: minutes(visit.windowStart), windowEnd: minutes(visit.windowEnd),
                duration: visit.durationMinutes, workersNeeded: visit.carers, unassignedPenalty: units(w.unassigned(visit.priority)),
                client: c, preferredWorkers: client.preferredCarers.compactMap { carerIndex[$0] }.sorted(),
                pinnedWorkers: pinned.sorted(), allowedWorkers: usable, lateAllowed: visit.timeCritical ? 0 : visit.lateAllowedMinutes,
                previousWorkers: previous)
        }
        var shifts: [SolverShift] = []
        var shiftCarer: [Int] = []
        for (k, carer) in problem.carers.enumerated() {
            for s in carer.shifts {
                shifts.append(
                    SolverShift(
                        worker: k, start: minutes(s.start), end: minutes(s.end), home: k, returnsHome: carer.returnsHome,
                        mode: modeIndex[carer.transport] ?? 0))
                shiftCarer.append(k)
            }
        }
        let workers = problem.carers.map { SolverWorker(maxPaid: $0.maxMinutes, contracted: $0.contractedMinutes) }
        let weights = Weights(
            travel: units(w.travel), continuity: units(w.continuity), preference: units(w.preference), shortfall: units(w.shortfall),
            continuityVisits: units(w.continuityVisits), newWorker: units(w.newCarer), lateness: units(w.lateness),
            maxLateness: units(w.maxLateness))
        let visitIndex = Dictionary(problem.visits.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let links = problem.links.compactMap { link -> SolverLink? in
            guard let a = visitIndex[link.first], let b = visitIndex[link.second], a != b else { return nil }
            return SolverLink(
                first: a, second: b, minGap: link.minGapMinutes, maxGap: link.maxGapMinutes, differentWorkers: link.differentCarers)
        }
        // Carers in a client's history who are no longer in the problem (leavers) match nobody.
        let history = problem.clients.map { client in
            client.history.map { $0.compactMap { entry in carerIndex[entry.carer].map { (worker: $0, visits: entry.visits) } } }
        }
        let breakRule = problem.rules.breakAfterMinutes.map { BreakRule(maxSpanWithoutBreak: $0, minimumBreak: problem.rules.breakMinutes) }
        let instance = SolverInstance(
            travelTime: matrix, travelCost: matrix, visits: visits, shifts: shifts, workers: workers,
            clientCount: problem.clients.count, weights: weights, breakRule: breakRule, paidTravel: true,
            neighbourCount: 40, relatedTimeSpan: 3 * 60, areas: hubAreas(problem), candidateLimit: candidateLimit, links: links,
            history: history,
            metricTravel: { if case .haversine = problem.travel { return true } else { return false } }(),
            otherModes: matrices.dropFirst().map { (time: $0, cost: $0) })
        return CompiledProblem(problem: problem, instance: instance, origin: origin, shiftCarer: shiftCarer, blockedReasons: blocked)
    }

    /// Each visit's hub as its area, related to the hubs that share a carer with it (one who
    /// may work in both), so neighbour lists of a group of hubs never scan hubs no carer links.
    private static func hubAreas(_ problem: Problem) -> VisitAreas? {
        guard !problem.hubs.isEmpty else { return nil }
        let hubIndex = Dictionary(problem.hubs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let clientHub = Dictionary(problem.clients.map { ($0.id, hubIndex[$0.hub] ?? 0) }, uniquingKeysWith: { a, _ in a })
        var related = problem.hubs.indices.map { Set([$0]) }
        for carer in problem.carers {
            let serves = Set(([carer.hub] + carer.lendableTo).compactMap { hubIndex[$0] })
            for h in serves { related[h].formUnion(serves) }
        }
        return VisitAreas(area: problem.visits.map { clientHub[$0.client] ?? 0 }, related: related.map { $0.sorted() })
    }

    /// Why no roster could ever staff a visit, judged from the problem alone; nil when some could.
    /// `heldSkills`: every skill some carer holds.
    private static func staticBlock(
        _ visit: Problem.Visit, allowed: [Int], pinned: [Int], problem: Problem, carerSkills: [Set<String>], heldSkills: Set<String>
    ) -> String? {
        for skill in visit.skills where !heldSkills.contains(skill) {
            return "no carer with skill \(skill)"
        }
        for (id, k) in zip(visit.pinned, pinned) where !allowed.contains(k) {
            return "pinned carer \(id) unavailable (skills, exclusion, gender or hub)"
        }
        for (id, k) in zip(visit.pinned, pinned) {
            let end = visit.windowEnd.adding(minutes: visit.durationMinutes)
            let fits = problem.carers[k].shifts.contains {
                $0.start <= visit.windowEnd && visit.windowStart.adding(minutes: visit.durationMinutes) <= $0.end && $0.start < end
            }
            if !fits { return "pinned carer \(id) unavailable (no shift in the window)" }
        }
        if allowed.count < visit.carers {
            let withSkills = problem.carers.indices.filter { visit.skills.allSatisfy(carerSkills[$0].contains) }
            if withSkills.count < visit.carers { return "fewer than \(visit.carers) carers with the skills \(visit.skills.joined(separator: ", "))" }
            return "no eligible carer: exclusions, gender preference or hub"
        }
        return nil
    }
}
