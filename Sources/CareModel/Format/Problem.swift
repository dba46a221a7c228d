/// A week's rostering problem in the `carehub.problem/1` file format (see docs/formats.md).
///
/// Identifiers are the file's own strings; instants keep their absolute time (offsets are
/// applied on reading). Built only by `ProblemDecoder`, which validates every field.
public struct Problem: Sendable, Equatable {
    /// The format tag this build reads and writes.
    public static let format = "carehub.problem/1"
    /// Minutes in a week: the most a carer can be contracted for or paid.
    public static let minutesInWeek = 7 * 24 * 60

    public var weekStart: LocalDate
    /// IANA zone for local days and for the offsets written in rosters.
    public var timeZone: String
    public var travel: TravelModel { didSet { reindexPlaces() } }
    /// Each transport mode's speed and per-trip overhead (optional `travel.modes`).
    public var travelModes = TransportSettings.defaults
    public var weights: ObjectiveWeights
    public var hubs: [Hub]
    public var carers: [Carer] { didSet { reindexPlaces() } }
    public var clients: [Client] { didSet { reindexPlaces() } }
    public var visits: [Visit]
    /// Timing rules between pairs of visits (optional `links`).
    public var links: [Link]
    /// The working-time rules the roster must keep (optional `rules`).
    public var rules: WorkingRules
    /// Each carer's and client's place for `travelMinutes`; follows carers, clients and travel.
    var placeTable = PlaceTable()

    private mutating func reindexPlaces() { placeTable = PlaceTable(carers: carers, clients: clients, travel: travel) }

    /// A hub of the problem.
    public struct Hub: Sendable, Equatable {
        public var id: String
        public var name: String
        public var location: GeoPoint

        public init(id: String, name: String, location: GeoPoint) {
            self.id = id
            self.name = name
            self.location = location
        }
    }

    /// A carer with their week's shifts.
    public struct Carer: Sendable, Equatable {
        public var id: String
        public var name: String
        public var hub: String
        public var location: GeoPoint
        public var skills: [String]
        public var gender: Gender?
        public var contractedMinutes: Int
        public var maxMinutes: Int
        public var lendableTo: [String]
        /// Non-overlapping availability intervals, sorted by start.
        public var shifts: [Interval]
        /// Skills that count only on some days of the week (optional `skill_dates`).
        public var skillDates: [String: DateRange] = [:]
        /// After a shift's last visit the carer travels home (unpaid, counted as travel) and
        /// must be home by the shift's end (optional `returns_home`).
        public var returnsHome: Bool
        /// How the carer travels (optional `transport`, default `car`).
        public var transport: TransportMode

        public init(
            id: String, name: String, hub: String, location: GeoPoint, skills: [String], gender: Gender?, contractedMinutes: Int,
            maxMinutes: Int, lendableTo: [String], shifts: [Problem.Interval], returnsHome: Bool = false, transport: TransportMode = .car
        ) {
            self.returnsHome = returnsHome
            self.transport = transport
            self.id = id
            self.name = name
            self.hub = hub
            self.location = location
            self.skills = skills
            self.gender = gender
            self.contractedMinutes = contractedMinutes
            self.maxMinutes = maxMinutes
            self.lendableTo = lendableTo
            self.shifts = shifts
        }
    }

    /// A client of the problem.
    public struct Client: Sendable, Equatable {
        public var id: String
        public var hub: String
        public var location: GeoPoint
        public var genderPreference: Gender?
        public var excludedCarers: [String]
        public var preferredCarers: [String]
        /// Carers who served the client in recent weeks (optional `history`); nil when absent,
        /// and only a client with a history counts carers new to them.
        public var history: [HistoryEntry]?

        public init(
            id: String, hub: String, location: GeoPoint, genderPreference: Gender?, excludedCarers: [String], preferredCarers: [String],
            history: [HistoryEntry]? = nil
        ) {
            self.history = history
            self.id = id
            self.hub = hub
            self.location = location
            self.genderPreference = genderPreference
            self.excludedCarers = excludedCarers
            self.preferredCarers = preferredCarers
        }
    }

    /// A carer who served a client in recent weeks, and how many visits they made.
    public struct HistoryEntry: Sendable, Equatable {
        /// A carer id; need not be a carer of this problem (leavers count too).
        public var carer: String
        /// 1…10080.
        public var visits: Int

        public init(carer: String, visits: Int) {
            self.carer = carer
            self.visits = visits
        }
    }

    /// A hard timing rule between two visits, kept when both are assigned:
    /// min_gap ≤ start(second) − start(first) ≤ max_gap (minutes), and with `differentCarers`
    /// no carer does both.
    public struct Link: Sendable, Equatable {
        public var first: String
        public var second: String
        public var minGapMinutes: Int
        public var maxGapMinutes: Int
        public var differentCarers: Bool

        public init(first: String, second: String, minGapMinutes: Int, maxGapMinutes: Int, differentCarers: Bool = false) {
            self.first = first
            self.second = second
            self.minGapMinutes = minGapMinutes
            self.maxGapMinutes = maxGapMinutes
            self.differentCarers = differentCarers
        }
    }

    /// A visit to schedule; the window bounds its start (up to `lateAllowedMinutes` past its end).
    public struct Visit: Sendable, Equatable {
        public var id: String
        public var client: String
        public var windowStart: Instant
        public var windowEnd: Instant
        public var durationMinutes: Int
        public var skills: [String]
        public var carers: Int
        public var priority: Priority
        public var pinned: [String]
        /// Minutes the start may lie past `windowEnd`, each one costed (0…720; 0 when time-critical).
        public var lateAllowedMinutes: Int
        /// A visit that never starts late.
        public var timeCritical: Bool
        /// Who did this call last time (the same call a week earlier): construction offers it to
        /// them first, where they still can. A hint with no cost of its own; ids may name carers
        /// who are not in this problem (left, absent), and those are ignored.
        public var previousCarers: [String] = []

        public init(
            id: String, client: String, windowStart: Instant, windowEnd: Instant, durationMinutes: Int, skills: [String], carers: Int,
            priority: Priority, pinned: [String], lateAllowedMinutes: Int = 0, timeCritical: Bool = false
        ) {
            self.lateAllowedMinutes = lateAllowedMinutes
            self.timeCritical = timeCritical
            self.id = id
            self.client = client
            self.windowStart = windowStart
            self.windowEnd = windowEnd
            self.durationMinutes = durationMinutes
            self.skills = skills
            self.carers = carers
            self.priority = priority
            self.pinned = pinned
        }
    }

    /// Local days on which something counts: from `from` (inclusive) until `until` (exclusive).
    public struct DateRange: Sendable, Equatable {
        public var from: LocalDate?
        public var until: LocalDate?

        public init(from: LocalDate? = nil, until: LocalDate? = nil) {
            self.from = from
            self.until = until
        }

        /// True when `date` lies in the range.
        public func contains(_ date: LocalDate) -> Bool {
            (from.map { $0 <= date } ?? true) && (until.map { date < $0 } ?? true)
        }
    }

    /// A half-open time interval [start, end).
    public struct Interval: Sendable, Equatable {
        public var start: Instant
        public var end: Instant

        public init(start: Instant, end: Instant) {
            self.start = start
            self.end = end
        }
    }

    /// True when carer `carer` has skill `skill` on a visit starting at `start`, judged by the
    /// local date in the problem's zone (skills listed in `skill_dates` count only on those days).
    public func carer(_ carer: Carer, has skill: String, at start: Instant, zone: ZoneOffsets?) -> Bool {
        guard carer.skills.contains(skill) else { return false }
        guard let range = carer.skillDates[skill] else { return true }
        return Self.day(of: start, zone: zone, in: range)
    }

    /// `carer(_:has:at:zone:)` for `carers[index]`, read in place rather than copied: the
    /// compiler asks it for every visit and every carer who may work in the visit's hub.
    public func carer(at index: Int, has skill: String, at start: Instant, zone: ZoneOffsets?) -> Bool {
        guard carers[index].skills.contains(skill) else { return false }
        guard let range = carers[index].skillDates[skill] else { return true }
        return Self.day(of: start, zone: zone, in: range)
    }

    /// True when the local date of `start` in `zone` lies in `range`.
    private static func day(of start: Instant, zone: ZoneOffsets?, in range: DateRange) -> Bool {
        range.contains(localDay(of: start, zone: zone))
    }

    /// The local date of `instant` in `zone` (UTC without one): the day a dated skill is judged
    /// on, so two instants on one local day get the same answer from `carer(at:has:at:zone:)`.
    public static func localDay(of instant: Instant, zone: ZoneOffsets?) -> LocalDate {
        let offset = zone?.offsetMinutes(at: instant) ?? 0
        let local = instant.adding(minutes: offset).secondsSinceEpoch
        return LocalDate(daysSinceEpoch: Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400))
    }

    /// A problem from validated parts (the decoder and the sample generator use this).
    public init(
        weekStart: LocalDate, timeZone: String, travel: TravelModel, weights: ObjectiveWeights = ObjectiveWeights(),
        hubs: [Hub], carers: [Carer], clients: [Client], visits: [Visit], links: [Link] = [], rules: WorkingRules = WorkingRules()
    ) {
        self.weekStart = weekStart
        self.timeZone = timeZone
        self.travel = travel
        self.weights = weights
        self.hubs = hubs
        self.carers = carers
        self.clients = clients
        self.visits = visits
        self.links = links
        self.rules = rules
        self.placeTable = PlaceTable(carers: carers, clients: clients, travel: travel)
    }
}
