import Foundation

/// A solved week in the `carehub.roster/1` file format (see docs/formats.md). Every visit of
/// the problem appears exactly once, in `assignments` or in `unassigned`.
public struct Roster: Codable, Sendable, Equatable {
    /// The format tag this build reads and writes.
    public static let format = "carehub.roster/1"

    public var format: String
    public var assignments: [Assignment]
    public var unassigned: [Unassigned]
    public var objective: Objective
    public var metrics: Metrics
    public var solver: SolverInfo

    /// A visit with its carers and shared start (RFC 3339, in the problem's time-zone offset).
    public struct Assignment: Codable, Sendable, Equatable {
        public var visit: String
        public var carers: [String]
        public var start: String
        /// Minutes past the window's end the visit starts; written only when > 0.
        public var lateMinutes: Int?

        enum CodingKeys: String, CodingKey {
            case visit, carers, start
            case lateMinutes = "late_minutes"
        }

        public init(visit: String, carers: [String], start: String, lateMinutes: Int? = nil) {
            self.lateMinutes = lateMinutes
            self.visit = visit
            self.carers = carers
            self.start = start
        }
    }

    /// A visit the roster could not staff, and what blocked it.
    public struct Unassigned: Codable, Sendable, Equatable {
        public var visit: String
        public var reason: String

        public init(visit: String, reason: String) {
            self.visit = visit
            self.reason = reason
        }
    }

    /// The objective and its weighted parts; `total` is their sum.
    public struct Objective: Codable, Sendable, Equatable {
        public var total: Double
        public var unassigned: Double
        public var travel: Double
        public var continuity: Double
        public var preference: Double
        public var shortfall: Double
        /// continuity_visits × Σ over client–carer pairs of the taper of their visit count.
        public var continuityVisits: Double?
        /// new_carer × client–carer pairs new to a client with a history.
        public var newCarers: Double?
        /// lateness × Σ minutes late.
        public var lateness: Double?
        /// max_lateness × the largest minutes late.
        public var maxLateness: Double?

        enum CodingKeys: String, CodingKey {
            case total, unassigned, travel, continuity, preference, shortfall, lateness
            case continuityVisits = "continuity_visits"
            case newCarers = "new_carers"
            case maxLateness = "max_lateness"
        }

        public init(
            total: Double, unassigned: Double, travel: Double, continuity: Double, preference: Double, shortfall: Double,
            continuityVisits: Double? = nil, newCarers: Double? = nil, lateness: Double? = nil, maxLateness: Double? = nil
        ) {
            self.continuityVisits = continuityVisits
            self.newCarers = newCarers
            self.lateness = lateness
            self.maxLateness = maxLateness
            self.total = total
            self.unassigned = unassigned
            self.travel = travel
            self.continuity = continuity
            self.preference = preference
            self.shortfall = shortfall
        }
    }

    /// Plain figures about the roster (unweighted).
    public struct Metrics: Codable, Sendable, Equatable {
        public var visits: Int
        public var assigned: Int
        public var unassignedVisits: Int
        public var travelMinutes: Int
        public var paidMinutes: Int
        /// Mean over clients with at least one assigned visit.
        public var distinctCarersPerClient: Double
        public var preferenceMisses: Int
        public var shortfallMinutes: Int
        /// Assigned and total visits per priority.
        public var coverageByPriority: [String: Coverage]
        /// Mean over clients with an assigned visit of the share of their carer-visits done by
        /// their three most frequent carers (0…1, 3 decimals).
        public var topThreeShare: Double?
        /// Client–carer pairs new to a client with a history.
        public var newCarerPairs: Int?
        /// Assigned visits starting late, their minutes late in total, and the most for one.
        public var lateVisits: Int?
        public var lateMinutes: Int?
        public var maxLateMinutes: Int?

        enum CodingKeys: String, CodingKey {
            case visits, assigned
            case unassignedVisits = "unassigned"
            case travelMinutes = "travel_minutes"
            case paidMinutes = "paid_minutes"
            case distinctCarersPerClient = "distinct_carers_per_client"
            case preferenceMisses = "preference_misses"
            case shortfallMinutes = "shortfall_minutes"
            case coverageByPriority = "coverage_by_priority"
            case topThreeShare = "top_three_share"
            case newCarerPairs = "new_carer_pairs"
            case lateVisits = "late_visits"
            case lateMinutes = "late_minutes"
            case maxLateMinutes = "max_late_minutes"
        }

        public init(
            visits: Int, assigned: Int, unassignedVisits: Int, travelMinutes: Int, paidMinutes: Int, distinctCarersPerClient: Double,
            preferenceMisses: Int, shortfallMinutes: Int, coverageByPriority: [String: Coverage], topThreeShare: Double? = nil,
            newCarerPairs: Int? = nil, lateVisits: Int? = nil, lateMinutes: Int? = nil, maxLateMinutes: Int? = nil
        ) {
            self.topThreeShare = topThreeShare
            self.newCarerPairs = newCarerPairs
            self.lateVisits = lateVisits
            self.lateMinutes = lateMinutes
            self.maxLateMinutes = maxLateMinutes
            self.visits = visits
            self.assigned = assigned
            self.unassignedVisits = unassignedVisits
            self.travelMinutes = travelMinutes
            self.paidMinutes = paidMinutes
            self.distinctCarersPerClient = distinctCarersPerClient
            self.preferenceMisses = preferenceMisses
            self.shortfallMinutes = shortfallMinutes
            self.coverageByPriority = coverageByPriority
        }
    }

    /// Assigned out of total.
    public struct Coverage: Codable, Sendable, Equatable {
        public var assigned: Int
        public var visits: Int

        public init(assigned: Int, visits: Int) {
            self.assigned = assigned
            self.visits = visits
        }
    }

    /// How the roster was made, so that it can be reproduced.
    public struct SolverInfo: Codable, Sendable, Equatable {
        public var seed: UInt64
        public var seconds: Double
        public var iterations: Int

        public init(seed: UInt64, seconds: Double, iterations: Int) {
            self.seed = seed
            self.seconds = seconds
            self.iterations = iterations
        }
    }

    /// A roster from its parts.
    public init(assignments: [Assignment], unassigned: [Unassigned], objective: Objective, metrics: Metrics, solver: SolverInfo) {
        self.format = Roster.format
        self.assignments = assignments
        self.unassigned = unassigned
        self.objective = objective
        self.metrics = metrics
        self.solver = solver
    }

    /// Pretty, key-sorted JSON: the same roster always gives the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads a roster document.
    public static func decode(_ data: Data) throws -> Roster {
        try JSONDecoder().decode(Roster.self, from: data)
    }
}
