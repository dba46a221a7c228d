/// Working-time rules a caller can state (`rules` in `carehub.problem/1`).
public struct WorkingRules: Sendable, Equatable {
    /// A worked span (first visit start to last visit end within a shift) longer than this needs
    /// a break; nil turns the rule off. 1…1440, default 360.
    public var breakAfterMinutes: Int?
    /// The shortest gap that counts as the break. 1…720, default 20.
    public var breakMinutes: Int

    /// Values each may take.
    public static let breakAfterRange = 1...1440
    public static let breakMinutesRange = 1...720

    /// The defaults keep the Working Time Regulations' 20 minutes after 6 hours.
    public init(breakAfterMinutes: Int? = 360, breakMinutes: Int = 20) {
        self.breakAfterMinutes = breakAfterMinutes
        self.breakMinutes = breakMinutes
    }
}
