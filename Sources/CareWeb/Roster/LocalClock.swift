import CareModel
import Foundation

/// Instants as people in the hub read them: local date and HH:MM in the hub's zone (so the
/// days with 23 and 25 hours come out right).
struct LocalClock: Sendable {
    let zone: ZoneOffsets?

    init(zone identifier: String) { zone = ZoneOffsets(identifier: identifier) }

    /// Minutes past local midnight and the local date of `t`.
    func local(_ t: Instant) -> (date: LocalDate, minutes: Int) {
        let seconds = t.adding(minutes: zone?.offsetMinutes(at: t) ?? 0).secondsSinceEpoch
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (LocalDate(daysSinceEpoch: Int(days)), Int((seconds - days * 86_400) / 60))
    }

    /// "HH:MM".
    func time(_ t: Instant) -> String { Self.clock(local(t).minutes) }

    /// "Mon 2026-11-23 09:30".
    func stamp(_ t: Instant) -> String {
        let (date, minutes) = local(t)
        return "\(date.weekday.shortName) \(date) \(Self.clock(minutes))"
    }

    static func clock(_ minutes: Int) -> String {
        let m = ((minutes % 1440) + 1440) % 1440
        return (m / 60 < 10 ? "0" : "") + "\(m / 60):" + (m % 60 < 10 ? "0" : "") + "\(m % 60)"
    }

    /// "7 h 30 min".
    static func hours(_ minutes: Int) -> String {
        minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
    }
}

extension Instant {
    /// The current instant (CareModel has no clock: it has no Foundation).
    static func now() -> Instant { Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) }
}
