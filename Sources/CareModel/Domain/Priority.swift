/// How much it matters that a visit is staffed; drives the unassigned penalty.
public enum Priority: String, CaseIterable, Sendable, Codable, Comparable {
    /// Reablement visits for someone just home from hospital: never leave them unstaffed.
    case homeFirst = "home_first"
    /// Medication, personal care for people living alone, double-ups.
    case high
    case normal

    /// Lower rank is more urgent.
    public var rank: Int {
        switch self {
        case .homeFirst: return 0
        case .high: return 1
        case .normal: return 2
        }
    }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}
