import CareModel
import CareStore

extension Rebalance {
    /// How to run.
    public struct Options: Sendable {
        public var weeks: [ISOWeek]
        public var dryRun = false
        public var maxMoves = 20
        public var freezeMinutes = 120
        public var seconds: Double = 10
        /// An iteration limit for making room (nil: none), for runs that must repeat exactly.
        public var iterations: Int?
        public var seed: UInt64 = 1
        public var now: Instant
        public var actor: String

        public init(weeks: [ISOWeek], now: Instant, actor: String) {
            self.weeks = weeks
            self.now = now
            self.actor = actor
        }
    }

    /// One week of one hub.
    public struct WeekResult: Sendable {
        public let week: ISOWeek
        /// The new published version, nil when nothing changed (or a dry run).
        public let version: Int?
        public let changes: [RebalanceRepository.Change]
        /// Broken assignments re-placed with other carers.
        public let repaired: Int
        /// Kept visits moved to make room.
        public let moved: Int
        public let added: Int
        public let dropped: Int
        /// The hub's visits still unassigned, with counts per reason.
        public let unassigned: [String: Int]
        /// What the manager should know about how the week was rebuilt (road travel not used, and why).
        public var notices: [String] = []

        public init(
            week: ISOWeek, version: Int?, changes: [RebalanceRepository.Change], repaired: Int, moved: Int, added: Int, dropped: Int,
            unassigned: [String: Int]
        ) {
            self.week = week
            self.version = version
            self.changes = changes
            self.repaired = repaired
            self.moved = moved
            self.added = added
            self.dropped = dropped
            self.unassigned = unassigned
        }
    }

    /// What happened to one hub.
    public enum HubStatus: String, Sendable {
        case repaired, unchanged
        case nothingToDo = "nothing to do"
        case busy
        case noRoster = "no published roster"
    }

    /// One hub's run: its status and, when it was repaired or unchanged, its weeks.
    public struct HubResult: Sendable {
        public let hub: String
        public let status: HubStatus
        public let weeks: [WeekResult]

        public init(hub: String, status: HubStatus, weeks: [WeekResult]) {
            self.hub = hub
            self.status = status
            self.weeks = weeks
        }
    }
}
