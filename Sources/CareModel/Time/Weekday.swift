/// A day of the week, numbered as ISO 8601 does (Monday = 1 … Sunday = 7).
public enum Weekday: Int, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case monday = 1
    case tuesday, wednesday, thursday, friday, saturday, sunday

    /// Three-letter English abbreviation, as used in CSV files and tables.
    public var shortName: String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue - 1]
    }

    /// English name (`Monday`).
    public var fullName: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue - 1]
    }

    /// Parses an ISO number (`1`–`7`) or an English name or abbreviation, any case.
    public init?(text: String) {
        let t = text.lowercased()
        if let n = Int(t), let day = Weekday(rawValue: n) {
            self = day
            return
        }
        guard let day = Weekday.allCases.first(where: { t == $0.shortName.lowercased() || t == $0.fullName.lowercased() })
        else { return nil }
        self = day
    }

    /// True on Saturday and Sunday.
    public var isWeekend: Bool { self == .saturday || self == .sunday }

    public var description: String { shortName }
}
