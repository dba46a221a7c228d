import CareModel

/// The four daily call times of UK home care, with the usual start windows.
enum CallSlot: CaseIterable {
    case morning, lunch, tea, bed

    /// Earliest and latest usual start (minutes after midnight) for a flexible call.
    var window: (start: Int, end: Int) {
        switch self {
        case .morning: return (7 * 60, 9 * 60 + 30)
        case .lunch: return (11 * 60 + 45, 13 * 60 + 30)
        case .tea: return (16 * 60, 17 * 60 + 30)
        case .bed: return (19 * 60 + 30, 21 * 60 + 30)
        }
    }

    /// Usual call lengths; NICE guidance says under 30 minutes only for short checks.
    var durations: [Int] {
        switch self {
        case .morning: return [45, 45, 60, 30]
        case .lunch: return [30, 30, 45]
        case .tea: return [30, 30, 45]
        case .bed: return [30, 30, 45]
        }
    }
}
