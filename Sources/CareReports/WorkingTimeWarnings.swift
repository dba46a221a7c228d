import CareModel

/// Working-time and care-quality warnings a hub manager should see before publishing:
/// weeks over 48 hours (Working Time Regulations' average limit), less than 11 hours' rest
/// between one day's last visit and the next day's first, and visits shorter than 30 minutes (NICE: only for short checks).
public enum WorkingTimeWarnings {
    /// One warning.
    public struct Warning: Sendable, Equatable, CustomStringConvertible {
        public let carer: String
        public let text: String
        public var description: String { "\(carer): \(text)" }
    }

    /// Every warning for the roster, carers in id order.
    public static func warnings(problem: Problem, roster: Roster) -> [Warning] {
        let visits = Dictionary(problem.visits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let clients = Dictionary(problem.clients.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byCarer: [String: [(Instant, Problem.Visit)]] = [:]
        for a in roster.assignments {
            guard let t = Instant(rfc3339: a.start), let v = visits[a.visit] else { continue }
            for c in a.carers { byCarer[c, default: []].append((t, v)) }
        }
        var out: [Warning] = []
        for carer in problem.carers {
            let mine = (byCarer[carer.id] ?? []).sorted { $0.0 < $1.0 }
            guard !mine.isEmpty else { continue }
            var worked = 0
            var previous: (Instant, PlaceRef)?
            for (t, v) in mine {
                let place = clients[v.client] != nil ? PlaceRef.client(v.client) : .carer(carer.id)
                if let (end, at) = previous, end.minutes(to: t) < 12 * 60 {
                    worked += problem.travelMinutes(from: at, to: place, by: carer.transport)
                }
                worked += v.durationMinutes
                previous = (t.adding(minutes: v.durationMinutes), place)
            }
            if worked > 48 * 60 { out.append(Warning(carer: carer.id, text: "works \(hours(worked)) h this week, over 48 h")) }
            // Daily rest: from the last visit of one local day to the first of the next day.
            let zone = ZoneOffsets(identifier: problem.timeZone)
            func localDay(_ t: Instant) -> Int {
                let local = t.adding(minutes: zone?.offsetMinutes(at: t) ?? 0).secondsSinceEpoch
                return Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
            }
            var shortestRest: Int?
            for (a, b) in zip(mine, mine.dropFirst()) where localDay(b.0) == localDay(a.0) + 1 {
                let rest = a.0.adding(minutes: a.1.durationMinutes).minutes(to: b.0)
                if rest < 11 * 60 { shortestRest = min(shortestRest ?? rest, rest) }
            }
            let short = mine.filter { $0.1.durationMinutes < 30 }.count
            if short > 0 { out.append(Warning(carer: carer.id, text: "\(short) visits shorter than 30 minutes")) }
        }
        return out
    }

    /// The warnings as text (empty when there are none), at most `limit` lines then a count.
    public static func text(problem: Problem, roster: Roster, limit: Int = 20) -> String {
        let all = warnings(problem: problem, roster: roster)
        guard !all.isEmpty else { return "Working time: no warnings\n" }
        var out = "Working-time warnings (\(all.count)):\n"
        for w in all.prefix(limit) { out += "  \(w)\n" }
        if all.count > limit { out += "  … and \(all.count - limit) more\n" }
        return out
    }
}
