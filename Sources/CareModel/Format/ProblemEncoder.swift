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
            travel: RawTravel(model: "haversine", speedKmh: problem.travel.speedKmh, roadFactor: problem.travel.roadFactor),
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
                        })
            },
            clients: problem.clients.map { c in
                RawClient(
                    id: c.id, hub: c.hub, lat: c.location.latitude, lon: c.location.longitude, genderPreference: c.genderPreference?.rawValue,
                    excludedCarers: c.excludedCarers, preferredCarers: c.preferredCarers)
            },
            visits: problem.visits.map { v in
                RawVisit(
                    id: v.id, client: v.client, windowStart: text(v.windowStart), windowEnd: text(v.windowEnd),
                    durationMinutes: v.durationMinutes, skills: v.skills, carers: v.carers, priority: v.priority.rawValue, pinned: v.pinned)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(raw)
    }
}
