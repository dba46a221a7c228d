/// A week's rostering problem in the `carehub.problem/1` file format (see docs/formats.md).
///
/// Identifiers are the file's own strings; instants keep their absolute time (offsets are
/// applied on reading). Built only by `ProblemDecoder`, which validates every field.
public struct Problem: Sendable, Equatable {
    /// The format tag this build reads and writes.
    public static let format = "carehub.problem/1"

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

    /// A half-open time interval [start, end).
    public struct Interval: Sendable, Equatable {
        public var start: Instant
        public var end: Instant

        public init(start: Instant, end: Instant) {
            self.start = start
            self.end = end
        }
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
