import CareModel

/// Everything the hand-outs print, gathered once: the roster (one hub's visits), its problem,
/// and display details. Per carer, visits are in time order with their travel.
public struct Handout: Sendable {
    /// One visit as a carer sees it.
    public struct Item: Sendable {
        public let visit: Problem.Visit
        public let start: Instant
        public let end: Instant
        /// Other carers on a double-up.
        public let partners: [String]
        /// Minutes from the previous visit of the same shift, or from home for the first.
        public let travel: Int
        /// True when the travel leg is between visits (paid working time), not from home.
        public let paidTravel: Bool
        /// Waiting before this visit after travel, within the same shift (working time for NMW).
        public let waiting: Int

        /// Whole minutes the visit starts after its window's end (0 when on time), as the
        /// roster's `late_minutes` counts them.
        public var lateMinutes: Int {
            let seconds = start.secondsSinceEpoch - visit.windowEnd.secondsSinceEpoch
            return seconds > 0 ? Int((seconds + 59) / 60) : 0
        }
    }

    public let hub: String
    public let week: String
    public let version: Int
    public let problem: Problem
    public let roster: Roster
    public let carerNames: [String: String]
    public let clientFirstNames: [String: String]
    public let clientAreas: [String: String]
    public let zone: ZoneOffsets?
    /// Care-plan tasks and access notes by visit id, for carers' sheets (empty when not read).
    public var visitTasks: [String: [CarePlan.Item]] = [:]
    /// Lookups built once in `init`, because the hand-outs and the review ask for every carer's
    /// items and rebuilding them per carer made a county's review quadratic.
    private let carerByID: [String: Problem.Carer]
    private let clientIDs: Set<String>
    /// `scheduled[c]`: carer `c`'s assignments (with a readable start and a known visit) in time order.
    private let scheduled: [String: [Scheduled]]

    /// One assignment of a carer with its parsed start and its visit.
    private struct Scheduled: Sendable {
        let start: Instant
        let assignment: Roster.Assignment
        let visit: Problem.Visit
    }

    public init(
        hub: String, week: String, version: Int, problem: Problem, roster: Roster, carerNames: [String: String],
        clientFirstNames: [String: String], clientAreas: [String: String]
    ) {
        self.hub = hub
        self.week = week
        self.version = version
        self.problem = problem
        self.roster = roster
        self.carerNames = carerNames
        self.clientFirstNames = clientFirstNames
        self.clientAreas = clientAreas
        self.zone = ZoneOffsets(identifier: problem.timeZone)
        self.carerByID = Dictionary(problem.carers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.clientIDs = Set(problem.clients.map(\.id))
        self.scheduled = Self.scheduledByCarer(problem: problem, roster: roster)
    }

    /// Each carer's assignments in time order (ties keep the roster's order, as a per-carer filter would).
    private static func scheduledByCarer(problem: Problem, roster: Roster) -> [String: [Scheduled]] {
        let visits = Dictionary(problem.visits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byCarer: [String: [Scheduled]] = [:]
        for a in roster.assignments {
            guard let t = Instant(rfc3339: a.start), let v = visits[a.visit] else { continue }
            for c in Set(a.carers) { byCarer[c, default: []].append(Scheduled(start: t, assignment: a, visit: v)) }
        }
        return byCarer.mapValues { $0.sorted { $0.start < $1.start } }
    }

    /// Carers with at least one visit, by id.
    public var carers: [String] { Set(roster.assignments.flatMap(\.carers)).sorted() }

    /// A carer's visits in time order, with travel and waiting per shift.
    public func items(for carerID: String) -> [Item] {
        guard let carer = carerByID[carerID] else { return [] }
        var out: [Item] = []
        var previous: (shift: Int, place: PlaceRef, end: Instant)?
        for item in scheduled[carerID] ?? [] {
            let (t, a, v) = (item.start, item.assignment, item.visit)
            let shift = carer.shifts.firstIndex { $0.start <= t && t < $0.end } ?? -1
            let home = PlaceRef.carer(carer.id)
            let place = clientIDs.contains(v.client) ? PlaceRef.client(v.client) : home
            let sameShift = previous?.shift == shift
            let from = sameShift ? previous?.place ?? home : home
            let travel = problem.travelMinutes(from: from, to: place, by: carer.transport)
            let waiting = sameShift ? max(0, (previous?.end.minutes(to: t) ?? 0) - travel) : 0
            let end = t.adding(minutes: v.durationMinutes)
            out.append(
                Item(
                    visit: v, start: t, end: end, partners: a.carers.filter { $0 != carerID }, travel: travel,
                    paidTravel: sameShift, waiting: waiting))
            previous = (shift, place, end)
        }
        return out
    }

    /// The local date and HH:MM of an instant in the problem's zone.
    public func local(_ t: Instant) -> (date: LocalDate, time: String) {
        let local = t.adding(minutes: zone?.offsetMinutes(at: t) ?? 0).secondsSinceEpoch
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let minutes = Int((local - days * 86_400) / 60)
        return (LocalDate(daysSinceEpoch: Int(days)), LocalTime(minutesSinceMidnight: minutes)?.description ?? "?")
    }

    /// How a client appears on a rota: first name and area, or the reference when unknown.
    public func clientLabel(_ id: String) -> String {
        guard let name = clientFirstNames[id] else { return id }
        return clientAreas[id].map { "\(name) (\($0))" } ?? name
    }
}
