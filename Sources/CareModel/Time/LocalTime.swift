/// A wall-clock time of day with minute precision (a PostgreSQL `time`), 00:00 … 23:59.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes after midnight, 0 ..< 1440.
    public let minutesSinceMidnight: Int

    /// A time from minutes after midnight; nil outside 0 ..< 1440.
    public init?(minutesSinceMidnight: Int) {
        guard (0..<1440).contains(minutesSinceMidnight) else { return nil }
        self.minutesSinceMidnight = minutesSinceMidnight
    }

    /// A time from hour and minute; nil when either is out of range.
    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.minutesSinceMidnight = hour * 60 + minute
    }

    /// Parses `HH:MM` or `HH:MM:SS` (seconds must be 00); nil otherwise.
    public init?(iso text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        if parts.count == 3 && parts[2] != "00" { return nil }
        self.init(hour: h, minute: m)
    }

    /// Hour of the day, 0–23.
    public var hour: Int { minutesSinceMidnight / 60 }
    /// Minute of the hour, 0–59.
    public var minute: Int { minutesSinceMidnight % 60 }

    /// `HH:MM`.
    public var description: String { "\(pad(hour, 2)):\(pad(minute, 2))" }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }
}
