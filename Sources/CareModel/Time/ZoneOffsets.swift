import Foundation

/// UTC offsets of an IANA time zone, from the system's zone database (Foundation), used only at
/// the edges: writing roster times and turning local days into instants.
public struct ZoneOffsets: Sendable {
    private let zone: TimeZone

    /// Offsets for a zone identifier; nil when the zone is unknown.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.zone = zone
    }

    /// Minutes east of UTC at an instant (60 in British Summer Time).
    public func offsetMinutes(at instant: Instant) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.secondsSinceEpoch))) / 60
    }

    /// RFC 3339 text of an instant in this zone's offset at that instant.
    public func rfc3339(_ instant: Instant) -> String {
        instant.rfc3339(offsetMinutes: offsetMinutes(at: instant), zulu: false)
    }

    /// The instant at a local wall-clock time. In the hour that clocks skip, the time is read
    /// with the offset before the change; in the repeated hour, the first occurrence.
    public func instant(date: LocalDate, minutes: Int) -> Instant {
        let asUTC = Instant(utcDate: date, minutes: minutes)
        let before = offsetMinutes(at: asUTC.adding(minutes: -24 * 60))
        let guess = asUTC.adding(minutes: -before)
        let offset = offsetMinutes(at: guess)
        let candidate = asUTC.adding(minutes: -offset)
        return offsetMinutes(at: candidate) == offset ? candidate : guess
    }
}
