import Foundation

/// Writes a `Problem` as `carehub.problem/1` JSON (pretty, key-sorted, so the same problem
/// always gives the same bytes). Instants are written in the problem's zone offset.
public enum ProblemEncoder {
    /// The document's bytes.
    public static func encode(_ problem: Problem) throws -> Data {
        let zone = ZoneOffsets(identifier: problem.timeZone)
        func text(_ t: Instant) -> String { zone?.rfc3339(t) ?? t.rfc3339(offsetMinutes: 0, zulu: false) }
        var weights: [String: Double] = [:]
        let defaults = ObjectiveWeights()
        for (key, path) in ObjectiveWeights.keys where problem.weights[keyPath: path] != defaults[keyPath: path] {
            weights[key] = problem.weights[keyPath: path]
        }
        let raw = RawProblem(
            format: Problem.format, weekStart: problem.weekStart.description, timezone: problem.timeZone,
            travel: travel(problem.travel, modes: problem.travelModes),
            weights: weights.isEmpty ? nil : weights,
            hubs: problem.hubs.map { RawHub(id: $0.id, name: $0.name, lat: $0.location.latitude, lon: $0.location.longitude) },
            carers: problem.carers.map { c in
                RawCarer(
                    id: c.id, name: c.name, hub: c.hub, lat: c.location.latitude, lon: c.location.longitude, skills: c.skills,
                    gender: c.gender?.rawValue, contractedMinutes: c.contractedMinutes, maxMinutes: c.maxMinutes,
                    lendableTo: c.lendableTo, shifts: c.shifts.map { RawShift(start: text($0.start), end: text($0.end)) },
                    skillDates: c.skillDates.isEmpty
                        ? nil
                        : c.skillDates.mapValues {
                            RawDateRange(from: $0.from?.description, until: $0.until?.description)
                        }, returnsHome: c.returnsHome ? true : nil, transport: c.transport == .car ? nil : c.transport.rawValue)
            },
            clients: problem.clients.map { c in
                RawClient(
                    id: c.id, hub: c.hub, lat: c.location.latitude, lon: c.location.longitude, genderPreference: c.genderPreference?.rawValue,
                    excludedCarers: c.excludedCarers, preferredCarers: c.preferredCarers,
                    history: c.history.map { $0.map { RawHistory(carer: $0.carer, visits: $0.visits) } })
            },
            visits: problem.visits.map { v in
                RawVisit(
                    id: v.id, client: v.client, windowStart: text(v.windowStart), windowEnd: text(v.windowEnd),
                    durationMinutes: v.durationMinutes, skills: v.skills, carers: v.carers, priority: v.priority.rawValue, pinned: v.pinned,
                    lateAllowedMinutes: v.lateAllowedMinutes > 0 ? v.lateAllowedMinutes : nil, timeCritical: v.timeCritical ? true : nil,
                    previousCarers: v.previousCarers.isEmpty ? nil : v.previousCarers)
            },
            links: problem.links.isEmpty
                ? nil
                : problem.links.map {
                    RawLink(
                        first: $0.first, second: $0.second, minGapMinutes: $0.minGapMinutes, maxGapMinutes: $0.maxGapMinutes,
                        differentCarers: $0.differentCarers ? true : nil)
                },
            rules: problem.rules == WorkingRules()
                ? nil
                : RawRules(
                    breakAfterGiven: true, breakAfterMinutes: problem.rules.breakAfterMinutes, breakMinutes: problem.rules.breakMinutes))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(raw)
    }

    private static func travel(_ model: TravelModel, modes: TransportSettings) -> RawTravel {
        var raw: RawTravel
        switch model {
        case .haversine(let h): raw = RawTravel(model: "haversine", speedKmh: h.speedKmh, roadFactor: h.roadFactor)
        case .matrix(let m):
            raw = RawTravel(model: "matrix", places: m.places, minutes: m.minutes)
            if !m.minutesByMode.isEmpty { raw.minutesByMode = Dictionary(uniqueKeysWithValues: m.minutesByMode.map { ($0.rawValue, $1) }) }
        }
        // Only the modes that differ from the defaults, so a problem without transport keeps its bytes.
        let changed = modes.changedModes
        if !changed.isEmpty {
            raw.modes = Dictionary(
                uniqueKeysWithValues: changed.map { mode in
                    let s = modes[mode]
                    return (
                        mode.rawValue,
                        RawTransportSetting(
                            speedKmh: mode == .car ? nil : s.speedKmh, overheadMinutes: s.overheadMinutes,
                            accessMinutes: mode == .public ? s.accessMinutes : nil)
                    )
                })
        }
        return raw
    }
}
