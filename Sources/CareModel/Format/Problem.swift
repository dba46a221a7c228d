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
    public var travel: HaversineTravel
    public var weights: ObjectiveWeights
    public var hubs: [Hub]
    public var carers: [Carer]
    public var clients: [Client]
    public var visits: [Visit]

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

        public init(
            id: String, name: String, hub: String, location: GeoPoint, skills: [String], gender: Gender?, contractedMinutes: Int,
            maxMinutes: Int, lendableTo: [String], shifts: [Problem.Interval]
        ) {
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

        public init(id: String, hub: String, location: GeoPoint, genderPreference: Gender?, excludedCarers: [String], preferredCarers: [String]) {
            self.id = id
            self.hub = hub
            self.location = location
            self.genderPreference = genderPreference
            self.excludedCarers = excludedCarers
            self.preferredCarers = preferredCarers
        }
    }

    /// A visit to schedule; the window bounds its start.
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

        public init(
            id: String, client: String, windowStart: Instant, windowEnd: Instant, durationMinutes: Int, skills: [String], carers: Int,
            priority: Priority, pinned: [String]
        ) {
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
        let offset = zone?.offsetMinutes(at: start) ?? 0
        let local = start.adding(minutes: offset).secondsSinceEpoch
        let day = LocalDate(daysSinceEpoch: Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400))
        return range.contains(day)
    }

    /// A problem from validated parts (the decoder and the sample generator use this).
    public init(
        weekStart: LocalDate, timeZone: String, travel: HaversineTravel, weights: ObjectiveWeights = ObjectiveWeights(),
        hubs: [Hub], carers: [Carer], clients: [Client], visits: [Visit]
    ) {
        self.weekStart = weekStart
        self.timeZone = timeZone
        self.travel = travel
        self.weights = weights
        self.hubs = hubs
        self.carers = carers
        self.clients = clients
        self.visits = visits
    }
}
