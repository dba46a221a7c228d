import CareModel
import Foundation

/// Instants as people in the hub read them: local date and HH:MM in the hub's zone (so the
/// days with 23 and 25 hours come out right).
struct LocalClock: Sendable {
    let zone: ZoneOffsets?
    private let offsets = OffsetMemo()

    init(zone identifier: String) { zone = ZoneOffsets(identifier: identifier) }

    /// Minutes past local midnight and the local date of `t`.
    func local(_ t: Instant) -> (date: LocalDate, minutes: Int) {
        let seconds = t.adding(minutes: offset(at: t)).secondsSinceEpoch
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (LocalDate(daysSinceEpoch: Int(days)), Int((seconds - days * 86_400) / 60))
    }

    /// The zone's offset at `t`, asked of the zone database once per quarter hour: a board asks
    /// for thousands of instants, and each question to the zone database costs microseconds
    /// (offsets only change on whole quarter hours, at most twice a year here).
    func offset(at t: Instant) -> Int {
        guard let zone else { return 0 }
        let key = t.secondsSinceEpoch >= 0 ? t.secondsSinceEpoch / 900 : (t.secondsSinceEpoch - 899) / 900
        return offsets.value(key) { zone.offsetMinutes(at: t) }
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

/// Offsets already looked up, per quarter hour. One clock serves one request, on one task at a
/// time; the lock only keeps the type honest about being shared.
private final class OffsetMemo: @unchecked Sendable {
    private var known: [Int64: Int] = [:]
    private let lock = NSLock()

    func value(_ key: Int64, _ compute: () -> Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let v = known[key] { return v }
        let v = compute()
        known[key] = v
        return v
    }
}
