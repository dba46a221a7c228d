import CareModel

/// A hub manager's review of a roster file: coverage by priority, unassigned visits grouped by
/// reason, travel against paid time, continuity, and one carer's week. Text for terminals,
/// at most 100 columns wide. Identifiers only: no client names or addresses.
public struct RosterReview: Sendable {
    public let problem: Problem
    public let roster: Roster
    /// When set, per-carer tables cover this hub's carers (and anyone with visits in the roster).
    public let hub: String?

    public init(problem: Problem, roster: Roster, hub: String? = nil) {
        self.problem = problem
        self.roster = roster
        self.hub = hub
    }

    /// The summary block. Coverage is counted from this roster's own lists (one hub's share
    /// of a run generated for several hubs); travel and continuity are the run's.
    public func summary() -> String {
        let m = roster.metrics
        let priority = Dictionary(problem.visits.map { ($0.id, $0.priority) }, uniquingKeysWith: { a, _ in a })
        let assigned = roster.assignments.count
        let total = assigned + roster.unassigned.count
        var out = "Roster for the week of \(problem.weekStart) (\(problem.timeZone)): "
        out += "\(assigned)/\(total) visits assigned (\(percent(Double(assigned) / Double(max(1, total)))))\n"
        let coverage = Priority.allCases.compactMap { p -> String? in
            let done = roster.assignments.filter { priority[$0.visit] == p }.count
            let all = done + roster.unassigned.filter { priority[$0.visit] == p }.count
            return all > 0 ? "\(p.rawValue) \(done)/\(all)" : nil
        }
        out += "  by priority: \(coverage.joined(separator: ", "))\n"
        let share = Double(m.travelMinutes) / Double(max(1, m.paidMinutes + m.travelMinutes))
        out += "  travel \(hours(m.travelMinutes)) h (\(percent(share)) of working time), paid \(hours(m.paidMinutes)) h, "
        out += "contracted hours not rostered \(hours(m.shortfallMinutes)) h\n"
        out += "  continuity: \(m.distinctCarersPerClient) carers per client; "
        out += "\(m.preferenceMisses) visits with none of the preferred carers\n"
        out += ContinuityFigures(problem: problem, roster: roster).text
        let minutes = Dictionary(problem.visits.map { ($0.id, $0.durationMinutes) }, uniquingKeysWith: { a, _ in a })
        let short = roster.assignments.filter { (minutes[$0.visit] ?? 30) < 30 }.count
        let breaks = problem.rules.breakAfterMinutes.map { after in
            let span = after % 60 == 0 ? "\(after / 60) h" : "\(after) min"
            return "\(problem.rules.breakMinutes)-minute breaks in shifts over \(span): all (a hard rule)"
        }
        out += "  visits under 30 minutes: \(short); \(breaks ?? "no break rule (the problem's rules turn it off)")\n"
        out += "  objective \(roster.objective.total) (solver seed \(roster.solver.seed), \(roster.solver.iterations) iterations)\n"
        if !roster.unassigned.isEmpty {
            out += "Unassigned visits by reason:\n"
            var counts: [String: Int] = [:]
            for u in roster.unassigned { counts[u.reason, default: 0] += 1 }
            for (reason, n) in counts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                out += "  \(String(n).leftPadded(5))  \(reason)\n"
            }
        }
        return out
    }

    /// Contracted against rostered (paid) hours per carer with a contract or visits: the ten
    /// furthest under contract, then everyone over it.
    public func contractTable(limit: Int = 10) -> String {
        let handout = Handout(
            hub: "", week: "", version: 0, problem: problem, roster: roster, carerNames: [:], clientFirstNames: [:], clientAreas: [:])
        var rows: [(id: String, contract: Int, paid: Int)] = []
        let working = Set(roster.assignments.flatMap(\.carers))
        for carer in problem.carers where hub == nil || carer.hub == hub || working.contains(carer.id) {
            let items = handout.items(for: carer.id)
            let paid = items.reduce(0) { $0 + $1.visit.durationMinutes + ($1.paidTravel ? $1.travel : 0) }
            if carer.contractedMinutes > 0 || paid > 0 { rows.append((carer.id, carer.contractedMinutes, paid)) }
        }
        let under = rows.filter { $0.paid < $0.contract }.sorted { ($0.contract - $0.paid, $1.id) > ($1.contract - $1.paid, $0.id) }
        let over = rows.filter { $0.paid > $0.contract && $0.contract > 0 }
        var table = TextTable(headers: ["carer", "contract h", "rostered h", "difference h"], rightAligned: [1, 2, 3])
        for r in under.prefix(limit) + over {
            let diff = r.paid - r.contract
            table.add([r.id, hours(r.contract), hours(r.paid), (diff < 0 ? "-" : "+") + hours(abs(diff))])
        }
        return "Contracted vs rostered hours (\(under.count) carers under contract, \(over.count) over; largest gaps first):\n" + table.render()
    }

    /// One carer's week: a line per visit with day, times, client, partner, travel and minutes
    /// late; for a carer who returns home, a line for each shift's trip home.
    public func carerWeek(_ carerID: String) -> String? {
        guard let carer = problem.carers.first(where: { $0.id == carerID }) else { return nil }
        let visits = Dictionary(problem.visits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let clients = Dictionary(problem.clients.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let zone = ZoneOffsets(identifier: problem.timeZone)
        let mine = roster.assignments.filter { $0.carers.contains(carerID) }
            .compactMap { a -> (Instant, Roster.Assignment, Problem.Visit)? in
                guard let t = Instant(rfc3339: a.start), let v = visits[a.visit] else { return nil }
                return (t, a, v)
            }.sorted { $0.0 < $1.0 }
        var table = TextTable(headers: ["day", "start", "end", "visit", "client", "with", "travel", "late"], rightAligned: [6, 7])
        // (shift index, place) of the previous visit: the first visit of each shift travels from home.
        var previous: (Int, PlaceRef)?
        var minutes = 0
        let home = PlaceRef.carer(carer.id)
        // The last visit of the shift before: day label, local end and place, for the trip home.
        var lastOfShift: (day: String, end: Instant, place: PlaceRef)?
        func tripHome() {
            guard carer.returnsHome, let last = lastOfShift else { return }
            let leg = problem.travelMinutes(from: last.place, to: home, by: carer.transport)
            table.add([last.day, clock(last.end), clock(last.end.adding(minutes: leg)), "(home)", "", "", "\(leg)m", ""])
        }
        for (t, a, v) in mine {
            let offset = zone?.offsetMinutes(at: t) ?? 0
            let local = t.adding(minutes: offset)
            let day = LocalDate(daysSinceEpoch: Int(local.secondsSinceEpoch / 86_400))
            let place = clients[v.client] != nil ? PlaceRef.client(v.client) : home
            let shift = carer.shifts.firstIndex { $0.start <= t && t < $0.end } ?? -1
            if let previous, previous.0 != shift { tripHome() }
            let from = previous.flatMap { $0.0 == shift ? $0.1 : nil } ?? home
            let leg = problem.travelMinutes(from: from, to: place, by: carer.transport)
            let end = local.adding(minutes: v.durationMinutes)
            let dayLabel = "\(day.weekday.shortName) \(day)"
            let late = a.lateMinutes.map { "\($0)m" } ?? ""
            table.add([
                dayLabel, clock(local), clock(end), a.visit, v.client, a.carers.filter { $0 != carerID }.joined(separator: ","), "\(leg)m", late,
            ])
            previous = (shift, place)
            lastOfShift = (dayLabel, end, place)
            minutes += v.durationMinutes
        }
        tripHome()
        var out =
            "\(terminalSafe(carer.id)) \(terminalSafe(carer.name)) (\(terminalSafe(carer.hub))): \(mine.count) visits, \(hours(minutes)) h of care, "
        out += "contract \(hours(carer.contractedMinutes)) h, cap \(hours(carer.maxMinutes)) h\n"
        return out + table.render()
    }

    /// Who comes to a client, when: a line per visit.
    public func clientWeek(_ clientID: String) -> String? {
        guard let lines = clientVisits(clientID) else { return nil }
        var table = TextTable(headers: ["day", "window", "start", "visit", "minutes", "carers"])
        for line in lines {
            table.add([
                "\(line.day.weekday.shortName) \(line.day)", "\(line.windowFrom)-\(line.windowTo)", line.start ?? "-", line.visit.id,
                "\(line.visit.durationMinutes)", line.unassignedReason.map { "UNASSIGNED: \($0)" } ?? line.carers.joined(separator: ","),
            ])
        }
        let carers = Set(lines.flatMap(\.carers))
        return "\(clientID): \(lines.count) visits, \(carers.count) different carers\n" + table.render()
    }

    /// One visit of a client's week as `clientVisits` gives it: local day and times in the
    /// problem's zone, its carers or why it has none.
    public struct ClientVisit: Sendable {
        public let visit: Problem.Visit
        /// The local day of the window's start.
        public let day: LocalDate
        /// The window's local start and end, `HH:MM`.
        public let windowFrom: String
        public let windowTo: String
        /// The local start the roster gives it, `HH:MM`; nil when unassigned.
        public let start: String?
        /// Its carers (empty when unassigned).
        public let carers: [String]
        /// The engine's reason when the roster could not staff it.
        public let unassignedReason: String?
    }

    /// Who comes to a client, when, by window start: the rows `clientWeek` prints (and the web's
    /// client page shows). Nil when the client is not in this roster's problem.
    public func clientVisits(_ clientID: String) -> [ClientVisit]? {
        guard problem.clients.contains(where: { $0.id == clientID }) else { return nil }
        let zone = ZoneOffsets(identifier: problem.timeZone)
        let visits = problem.visits.filter { $0.client == clientID }
        let assigned = Dictionary(roster.assignments.map { ($0.visit, $0) }, uniquingKeysWith: { a, _ in a })
        let reasons = Dictionary(roster.unassigned.map { ($0.visit, $0.reason) }, uniquingKeysWith: { a, _ in a })
        return visits.sorted(by: { $0.windowStart < $1.windowStart }).map { v in
            let offset = zone?.offsetMinutes(at: v.windowStart) ?? 0
            let from = v.windowStart.adding(minutes: offset)
            let to = v.windowEnd.adding(minutes: offset)
            let day = LocalDate(daysSinceEpoch: Int(from.secondsSinceEpoch / 86_400))
            let a = assigned[v.id]
            let start = a.flatMap { Instant(rfc3339: $0.start) }.map { clock($0.adding(minutes: offset)) }
            return ClientVisit(
                visit: v, day: day, windowFrom: clock(from), windowTo: clock(to), start: start, carers: a?.carers ?? [],
                unassignedReason: a == nil ? (reasons[v.id] ?? "") : nil)
        }
    }

    private func clock(_ local: Instant) -> String {
        let secs = Int(((local.secondsSinceEpoch % 86_400) + 86_400) % 86_400)
        return LocalTime(minutesSinceMidnight: secs / 60)?.description ?? "?"
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
