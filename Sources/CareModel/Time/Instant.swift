/// A point on the UTC time line with whole-second precision (a PostgreSQL `timestamptz`).
///
/// Carehub computes in whole minutes, so seconds are more than enough; sub-second parts
/// read from the database are truncated towards the past.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSinceEpoch: Int64

    /// An instant from seconds since the Unix epoch.
    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// The instant at a UTC wall-clock time.
    public init(utcDate date: LocalDate, minutes: Int) {
        self.secondsSinceEpoch = Int64(date.daysSinceEpoch) * 86_400 + Int64(minutes) * 60
    }

    /// The instant `minutes` later.
    public func adding(minutes: Int) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch + Int64(minutes) * 60)
    }

    /// Whole minutes from `self` to `other`, rounded towards minus infinity.
    public func minutes(to other: Instant) -> Int {
        let d = other.secondsSinceEpoch - secondsSinceEpoch
        return Int(d >= 0 ? d / 60 : -((-d + 59) / 60))
    }

    /// RFC 3339 in UTC: `2026-11-23T07:30:00Z`.
    public var description: String { rfc3339(offsetMinutes: 0) }

    /// RFC 3339 at a fixed UTC offset: `2026-11-23T07:30:00+01:00` (or `Z` for 0 when `zulu`).
    public func rfc3339(offsetMinutes: Int, zulu: Bool = true) -> String {
        let local = secondsSinceEpoch + Int64(offsetMinutes) * 60
        let days = local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400)
        let secs = Int(local - days * 86_400)
        let date = LocalDate(daysSinceEpoch: Int(days))
        let time = "\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))"
        let offset: String
        if offsetMinutes == 0 && zulu {
            offset = "Z"
        } else {
            let sign = offsetMinutes < 0 ? "-" : "+"
            let m = abs(offsetMinutes)
            offset = "\(sign)\(pad(m / 60, 2)):\(pad(m % 60, 2))"
        }
        return "\(date)T\(time)\(offset)"
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}
