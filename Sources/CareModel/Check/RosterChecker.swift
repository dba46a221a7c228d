/// The project's independent checker: recomputes every hard rule and the objective of a
/// roster straight from the problem file's values (instants in seconds, travel through
/// `Problem.travelMinutes`), sharing no code with the engine's compiled matrices or
/// incremental evaluation.
public enum RosterChecker {
    /// What the checker found.
    public struct Report: Sendable {
        /// Hard-rule breaches and format errors; empty for a valid roster.
        public var violations: [String] = []
        /// The objective recomputed from scratch.
        public var objective = Roster.Objective(
            total: 0, unassigned: 0, travel: 0, continuity: 0, preference: 0, shortfall: 0, continuityVisits: 0, newCarers: 0, lateness: 0,
            maxLateness: 0)
        /// The counts and minute totals recomputed from scratch (`metrics`' continuity means are
        /// left at 0: they are computed from the assignments by `RosterContinuity`).
        public var metrics = Roster.Metrics(
            visits: 0, assigned: 0, unassignedVisits: 0, travelMinutes: 0, paidMinutes: 0, distinctCarersPerClient: 0, preferenceMisses: 0,
            shortfallMinutes: 0, coverageByPriority: [:])

        /// True when no rule is broken and the roster's stated objective and counts match the recomputation.
        public var isValid: Bool { violations.isEmpty }
    }

    private struct Placed {
        let visit: Problem.Visit
        let start: Int64  // seconds since epoch
        let carers: [String]
        /// Minutes past the window's end (0 when on time).
        let late: Int
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
            // A visit may start up to late_allowed_minutes past its window (never when time-critical).
            let allowed = visit.timeCritical ? 0 : visit.lateAllowedMinutes
            if t < visit.windowStart.secondsSinceEpoch || t > visit.windowEnd.secondsSinceEpoch + Int64(allowed) * 60 {
                violation("visit \(a.visit): starts outside its window")
            }
            let lateSeconds = t - visit.windowEnd.secondsSinceEpoch
            let late = lateSeconds > 0 ? Int((lateSeconds + 59) / 60) : 0
            if (a.lateMinutes ?? 0) != late { violation("visit \(a.visit): late_minutes is \(a.lateMinutes ?? 0) but recomputes to \(late)") }
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
            placed.append(Placed(visit: visit, start: t, carers: a.carers, late: late))
        }
        checkLinks(problem, placed, &report)
        let minutes = checkRoutes(problem, placed, clients, &report)
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
        let strangers = newParts(problem, placed, clients, &report)
        let o = report.objective
        let added = [o.continuityVisits, o.newCarers, o.lateness, o.maxLateness].reduce(0) { $0 + ($1 ?? 0) }
        report.objective.total = o.unassigned + o.travel + o.continuity + o.preference + o.shortfall + added
        compare(report.objective, roster.objective, &report)
        report.metrics = Roster.Metrics(
            visits: problem.visits.count, assigned: placed.count, unassignedVisits: roster.unassigned.count, travelMinutes: minutes.travel,
            paidMinutes: minutes.paid, distinctCarersPerClient: 0, preferenceMisses: misses, shortfallMinutes: minutes.shortfall,
            coverageByPriority: [:], newCarerPairs: strangers, lateVisits: placed.filter { $0.late > 0 }.count,
            lateMinutes: placed.reduce(0) { $0 + $1.late }, maxLateMinutes: placed.map(\.late).max() ?? 0)
        for p in Priority.allCases { report.metrics.coverageByPriority[p.rawValue] = Roster.Coverage(assigned: 0, visits: 0) }
        for v in problem.visits { report.metrics.coverageByPriority[v.priority.rawValue]?.visits += 1 }
        for p in placed { report.metrics.coverageByPriority[p.visit.priority.rawValue]?.assigned += 1 }
        compare(report.metrics, roster.metrics, &report)
        return report
    }

    /// The stated counts a manager reads (`metrics`) against the recomputation: every count and
    /// minute total. The optional ones are compared when present; the two continuity means are
    /// computed from the assignments by `RosterContinuity` and not restated here.
    private static func compare(_ mine: Roster.Metrics, _ stated: Roster.Metrics, _ report: inout Report) {
        for (name, m, theirs) in [
            ("visits", mine.visits, stated.visits), ("assigned", mine.assigned, stated.assigned),
            ("unassigned", mine.unassignedVisits, stated.unassignedVisits), ("travel_minutes", mine.travelMinutes, stated.travelMinutes),
            ("paid_minutes", mine.paidMinutes, stated.paidMinutes), ("preference_misses", mine.preferenceMisses, stated.preferenceMisses),
            ("shortfall_minutes", mine.shortfallMinutes, stated.shortfallMinutes),
        ] where m != theirs {
            report.violations.append("metrics.\(name) is \(theirs) but recomputes to \(m)")
        }
        for (name, m, theirs) in [
            ("new_carer_pairs", mine.newCarerPairs, stated.newCarerPairs), ("late_visits", mine.lateVisits, stated.lateVisits),
            ("late_minutes", mine.lateMinutes, stated.lateMinutes), ("max_late_minutes", mine.maxLateMinutes, stated.maxLateMinutes),
        ] {
            if let theirs, theirs != m { report.violations.append("metrics.\(name) is \(theirs) but recomputes to \(m ?? 0)") }
        }
        // An empty map states nothing (hand-written rosters); otherwise each priority is compared.
        guard !stated.coverageByPriority.isEmpty else { return }
        for priority in Set(mine.coverageByPriority.keys).union(stated.coverageByPriority.keys).sorted() {
            let m = mine.coverageByPriority[priority]
            let theirs = stated.coverageByPriority[priority]
            if m != theirs {
                func text(_ c: Roster.Coverage?) -> String { c.map { "\($0.assigned) of \($0.visits)" } ?? "absent" }
                report.violations.append("metrics.coverage_by_priority.\(priority) is \(text(theirs)) but recomputes to \(text(m))")
            }
        }
    }

    /// Each stated part against its recomputation; the new parts are optional in the file, and
    /// one left out counts as 0 (so it is a violation only when it recomputes to more).
    private static func compare(_ mine: Roster.Objective, _ stated: Roster.Objective, _ report: inout Report) {
        func differ(_ a: Double, _ b: Double) -> Bool { abs(a - b) > 1e-6 * max(1, abs(a)) }
        for (name, m, theirs) in [
            ("total", mine.total, stated.total), ("unassigned", mine.unassigned, stated.unassigned), ("travel", mine.travel, stated.travel),
            ("continuity", mine.continuity, stated.continuity), ("preference", mine.preference, stated.preference),
            ("shortfall", mine.shortfall, stated.shortfall),
        ] where differ(m, theirs) {
            report.violations.append("objective.\(name) is \(theirs) but recomputes to \(m)")
        }
        for (name, m, theirs) in [
            ("continuity_visits", mine.continuityVisits ?? 0, stated.continuityVisits), ("new_carers", mine.newCarers ?? 0, stated.newCarers),
            ("lateness", mine.lateness ?? 0, stated.lateness), ("max_lateness", mine.maxLateness ?? 0, stated.maxLateness),
        ] {
            if let theirs {
                if differ(m, theirs) { report.violations.append("objective.\(name) is \(theirs) but recomputes to \(m)") }
            } else if differ(m, 0) {
                report.violations.append("objective.\(name) is absent but recomputes to \(m)")
            }
        }
    }

    /// The continuity taper per client–carer pair, carers new to clients with a history, and lateness.
    /// Returns the client–carer pairs new to a client with a history.
    private static func newParts(_ problem: Problem, _ placed: [Placed], _ clients: [String: Problem.Client], _ report: inout Report) -> Int {
        var visitsByPair: [String: [String: Int]] = [:]  // client → carer → assigned visits
        for p in placed { for c in Set(p.carers) { visitsByPair[p.visit.client, default: [:]][c, default: 0] += 1 } }
        var taper = 0
        var strangers = 0
        for (client, carers) in visitsByPair {
            let history = clients[client]?.history
            var past: [String: Int] = [:]
            for entry in history ?? [] { past[entry.carer, default: 0] += entry.visits }
            // The taper carries on from the pair's visits in the client's history.
            for (carer, n) in carers {
                let h = past[carer] ?? 0
                taper += ObjectiveWeights.continuityTaper(h + n) - ObjectiveWeights.continuityTaper(h)
            }
            guard history != nil else { continue }
            strangers += carers.keys.filter { past[$0] == nil }.count
        }
        let w = problem.weights
        report.objective.continuityVisits = w.continuityVisits * Double(taper)
        report.objective.newCarers = w.newCarer * Double(strangers)
        report.objective.lateness = w.lateness * Double(placed.reduce(0) { $0 + $1.late })
        report.objective.maxLateness = w.maxLateness * Double(placed.map(\.late).max() ?? 0)
        return strangers
    }

    /// Links between two assigned visits: the gap between their starts, and no shared carer
    /// when the link asks for different carers.
    private static func checkLinks(_ problem: Problem, _ placed: [Placed], _ report: inout Report) {
        let byVisit = Dictionary(placed.map { ($0.visit.id, $0) }, uniquingKeysWith: { a, _ in a })
        for link in problem.links {
            guard let first = byVisit[link.first], let second = byVisit[link.second] else { continue }
            let gap = second.start - first.start
            let name = "link \(link.first) → \(link.second)"
            if gap < Int64(link.minGapMinutes) * 60 || gap > Int64(link.maxGapMinutes) * 60 {
                report.violations.append(
                    "\(name): starts \(gap / 60) minutes apart, outside \(link.minGapMinutes)…\(link.maxGapMinutes)")
            }
            if link.differentCarers, let shared = first.carers.first(where: second.carers.contains) {
                report.violations.append("\(name): carer \(shared) does both visits")
            }
        }
    }

    /// Rules 4–6 per carer and shift, and the travel and shortfall parts of the objective;
    /// returns the week's travel, paid and shortfall minutes.
    private static func checkRoutes(
        _ problem: Problem, _ placed: [Placed], _ clients: [String: Problem.Client], _ report: inout Report
    ) -> (travel: Int, paid: Int, shortfall: Int) {
        var byCarer: [String: [Placed]] = [:]
        for p in placed { for c in p.carers { byCarer[c, default: []].append(p) } }
        var travel = 0
        var shortfall = 0
        var paidTotal = 0
        for carer in problem.carers {
            var paid = 0
            let mine = (byCarer[carer.id] ?? []).sorted { $0.start < $1.start }
            for shift in carer.shifts {
                let inShift = mine.filter { shift.start.secondsSinceEpoch <= $0.start && $0.start < shift.end.secondsSinceEpoch }
                guard let first = inShift.first else { continue }
                var previousEnd = shift.start.secondsSinceEpoch
                let home = PlaceRef.carer(carer.id)
                var at = home
                var longestGap = Int64(0)
                for (i, p) in inShift.enumerated() {
                    guard clients[p.visit.client] != nil else { continue }
                    let place = PlaceRef.client(p.visit.client)
                    let leg = Int64(problem.travelMinutes(from: at, to: place, by: carer.transport)) * 60
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
                    at = place
                }
                // Rule 4 with returns_home: the unpaid trip home counts as travel and ends by the shift's end.
                if carer.returnsHome {
                    let leg = problem.travelMinutes(from: at, to: home, by: carer.transport)
                    travel += leg
                    if previousEnd + Int64(leg) * 60 > shift.end.secondsSinceEpoch {
                        report.violations.append(
                            "carer \(carer.id): cannot be home by the end of the shift after visit \(inShift[inShift.count - 1].visit.id)")
                    }
                }
                // Rule 6: a break of `rules.breakMinutes` in a worked span over `rules.breakAfterMinutes` (no rule when nil).
                if let after = problem.rules.breakAfterMinutes, previousEnd - first.start > Int64(after) * 60,
                    longestGap < Int64(problem.rules.breakMinutes) * 60
                {
                    let span = after % 60 == 0 ? "\(after / 60) hours" : "\(after) minutes"
                    report.violations.append("carer \(carer.id): a shift over \(span) has no \(problem.rules.breakMinutes)-minute break")
                }
            }
            // Rule 5: weekly paid cap.
            if paid > carer.maxMinutes { report.violations.append("carer \(carer.id): \(paid) paid minutes exceed the cap of \(carer.maxMinutes)") }
            shortfall += max(0, carer.contractedMinutes - paid)
            paidTotal += paid
        }
        report.objective.travel = problem.weights.travel * Double(travel)
        report.objective.shortfall = problem.weights.shortfall * Double(shortfall)
        return (travel, paidTotal, shortfall)
    }
}
