/// The project's independent checker: recomputes every hard rule and the objective of a
/// roster straight from the problem file's values (instants in seconds, the haversine formula),
/// sharing no code with the engine's compiled matrices or incremental evaluation.
public enum RosterChecker {
    /// What the checker found.
    public struct Report: Sendable {
        /// Hard-rule breaches and format errors; empty for a valid roster.
        public var violations: [String] = []
        /// The objective recomputed from scratch.
        public var objective = Roster.Objective(total: 0, unassigned: 0, travel: 0, continuity: 0, preference: 0, shortfall: 0)

        /// True when no rule is broken and the roster's stated objective matches the recomputation.
        public var isValid: Bool { violations.isEmpty }
    }

    private struct Placed {
        let visit: Problem.Visit
        let start: Int64  // seconds since epoch
        let carers: [String]
    }

    /// Checks `roster` against `problem`.
    public static func check(_ roster: Roster, against problem: Problem) -> Report {
        var report = Report()
        func violation(_ text: String) { report.violations.append(text) }
        if roster.format != Roster.format { violation("format is \(roster.format), expected \(Roster.format)") }
        let visits = Dictionary(problem.visits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let carers = Dictionary(problem.carers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let clients = Dictionary(problem.clients.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let zone = ZoneOffsets(identifier: problem.timeZone)
        var seen: [String: Int] = [:]
        for id in roster.assignments.map(\.visit) + roster.unassigned.map(\.visit) { seen[id, default: 0] += 1 }
        for v in problem.visits where seen[v.id, default: 0] != 1 {
            violation("visit \(v.id) appears \(seen[v.id, default: 0]) times (must be exactly once)")
        }
        for id in seen.keys.sorted() where visits[id] == nil { violation("unknown visit \(id)") }

        var placed: [Placed] = []
        for a in roster.assignments {
            guard let visit = visits[a.visit] else { continue }
            guard let start = Instant(rfc3339: a.start) else {
                violation("visit \(a.visit): start is not RFC 3339 with an offset")
                continue
            }
            let t = start.secondsSinceEpoch
            // Rule 1: the right number of distinct carers, one shared start inside the window.
            if a.carers.count != visit.carers || Set(a.carers).count != a.carers.count {
                violation("visit \(a.visit): needs \(visit.carers) distinct carers, has \(a.carers.count)")
            }
            if t < visit.windowStart.secondsSinceEpoch || t > visit.windowEnd.secondsSinceEpoch {
                violation("visit \(a.visit): starts outside its window")
            }
            for p in visit.pinned where !a.carers.contains(p) { violation("visit \(a.visit): pinned carer \(p) missing") }
            let client = clients[visit.client]
            for id in a.carers {
                guard let carer = carers[id] else {
                    violation("visit \(a.visit): unknown carer \(id)")
                    continue
                }
                // Rule 2: skills, exclusions, gender, hub.
                for skill in visit.skills where !problem.carer(carer, has: skill, at: start, zone: zone) {
                    violation("visit \(a.visit): carer \(id) lacks skill \(skill)")
                }
                if let client {
                    if client.excludedCarers.contains(id) { violation("visit \(a.visit): carer \(id) is excluded by the client") }
                    if let g = client.genderPreference, carer.gender != g {
                        violation("visit \(a.visit): carer \(id) does not match the gender preference")
                    }
                    if carer.hub != client.hub && !carer.lendableTo.contains(client.hub) {
                        violation("visit \(a.visit): carer \(id) may not work in hub \(client.hub)")
                    }
                }
                // Rule 3: inside one shift.
                let end = t + Int64(visit.durationMinutes) * 60
                if !carer.shifts.contains(where: { $0.start.secondsSinceEpoch <= t && end <= $0.end.secondsSinceEpoch }) {
                    violation("visit \(a.visit): not inside a shift of carer \(id)")
                }
            }
            placed.append(Placed(visit: visit, start: t, carers: a.carers))
        }
        checkRoutes(problem, placed, clients, &report)
        report.objective.unassigned = roster.unassigned.compactMap { visits[$0.visit] }
            .reduce(0) { $0 + problem.weights.unassigned($1.priority) }
        var pairs = Set<String>()
        var misses = 0
        for p in placed {
            for c in p.carers { pairs.insert(p.visit.client + "\u{1F}" + c) }
            if let client = clients[p.visit.client], !client.preferredCarers.isEmpty,
                !p.carers.contains(where: client.preferredCarers.contains)
            {
                misses += 1
            }
        }
        report.objective.continuity = problem.weights.continuity * Double(pairs.count)
        report.objective.preference = problem.weights.preference * Double(misses)
        let o = report.objective
        report.objective.total = o.unassigned + o.travel + o.continuity + o.preference + o.shortfall
        let stated = roster.objective
        for (name, mine, theirs) in [
            ("total", report.objective.total, stated.total), ("unassigned", o.unassigned, stated.unassigned),
            ("travel", o.travel, stated.travel), ("continuity", report.objective.continuity, stated.continuity),
            ("preference", report.objective.preference, stated.preference), ("shortfall", o.shortfall, stated.shortfall),
        ] where abs(mine - theirs) > 1e-6 * max(1, abs(mine)) {
            violation("objective.\(name) is \(theirs) but recomputes to \(mine)")
        }
        return report
    }

    /// Rules 4–6 per carer and shift, and the travel and shortfall parts of the objective.
    private static func checkRoutes(_ problem: Problem, _ placed: [Placed], _ clients: [String: Problem.Client], _ report: inout Report) {
        var byCarer: [String: [Placed]] = [:]
        for p in placed { for c in p.carers { byCarer[c, default: []].append(p) } }
        var travel = 0
        var shortfall = 0
        for carer in problem.carers {
            var paid = 0
            let mine = (byCarer[carer.id] ?? []).sorted { $0.start < $1.start }
            for shift in carer.shifts {
                let inShift = mine.filter { shift.start.secondsSinceEpoch <= $0.start && $0.start < shift.end.secondsSinceEpoch }
                guard let first = inShift.first else { continue }
                var previousEnd = shift.start.secondsSinceEpoch
                var at = carer.location
                var longestGap = Int64(0)
                for (i, p) in inShift.enumerated() {
                    guard let client = clients[p.visit.client] else { continue }
                    let leg = Int64(problem.travel.minutes(from: at, to: client.location)) * 60
                    // Rule 4: room to travel (from home before the first visit).
                    if p.start < previousEnd + leg {
                        report.violations.append("carer \(carer.id): no time to reach visit \(p.visit.id)")
                    }
                    travel += Int(leg / 60)
                    if i > 0 {
                        paid += Int(leg / 60)
                        longestGap = max(longestGap, p.start - previousEnd - leg)
                    }
                    paid += p.visit.durationMinutes
                    previousEnd = p.start + Int64(p.visit.durationMinutes) * 60
                    at = client.location
                }
                // Rule 6: a 20-minute break in a worked span over 6 hours.
                if previousEnd - first.start > 360 * 60 && longestGap < 20 * 60 {
                    report.violations.append("carer \(carer.id): a shift over 6 hours has no 20-minute break")
                }
            }
            // Rule 5: weekly paid cap.
            if paid > carer.maxMinutes { report.violations.append("carer \(carer.id): \(paid) paid minutes exceed the cap of \(carer.maxMinutes)") }
            shortfall += max(0, carer.contractedMinutes - paid)
        }
        report.objective.travel = problem.weights.travel * Double(travel)
        report.objective.shortfall = problem.weights.shortfall * Double(shortfall)
    }
}
