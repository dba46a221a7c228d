/// The JSON shape of `carehub.problem/1`, every field optional so that a missing one is
/// reported by name (with its path) rather than as a generic decoding failure.
/// Unknown fields are ignored: later versions may add optional fields.
struct RawProblem: Codable {
    var format: String?
    var weekStart: String?
    var timezone: String?
    var travel: RawTravel?
    var weights: [String: Double]?
    var hubs: [RawHub]?
    var carers: [RawCarer]?
    var clients: [RawClient]?
    var visits: [RawVisit]?

    enum CodingKeys: String, CodingKey {
        case format, timezone, travel, weights, hubs, carers, clients, visits
        case weekStart = "week_start"
    }
}

struct RawTravel: Codable {
    var model: String?
    var speedKmh: Double?
    var roadFactor: Double?

    enum CodingKeys: String, CodingKey {
        case model
        case speedKmh = "speed_kmh"
        case roadFactor = "road_factor"
    }
}

struct RawHub: Codable {
    var id: String?
    var name: String?
    var lat: Double?
    var lon: Double?
}

struct RawShift: Codable {
    var start: String?
    var end: String?
}

struct RawCarer: Codable {
    var id: String?
    var name: String?
    var hub: String?
    var lat: Double?
    var lon: Double?
    var skills: [String]?
    var gender: String?
    var contractedMinutes: Int?
    var maxMinutes: Int?
    var lendableTo: [String]?
    var shifts: [RawShift]?
    var skillDates: [String: RawDateRange]?

    enum CodingKeys: String, CodingKey {
        case id, name, hub, lat, lon, skills, gender, shifts
        case skillDates = "skill_dates"
        case contractedMinutes = "contracted_minutes"
        case maxMinutes = "max_minutes"
        case lendableTo = "lendable_to"
    }
}

struct RawDateRange: Codable {
    var from: String?
    var until: String?
}

struct RawClient: Codable {
    var id: String?
    var hub: String?
    var lat: Double?
    var lon: Double?
    var genderPreference: String?
    var excludedCarers: [String]?
    var preferredCarers: [String]?

    enum CodingKeys: String, CodingKey {
        case id, hub, lat, lon
        case genderPreference = "gender_preference"
        case excludedCarers = "excluded_carers"
        case preferredCarers = "preferred_carers"
    }
}

struct RawVisit: Codable {
    var id: String?
    var client: String?
    var windowStart: String?
    var windowEnd: String?
    var durationMinutes: Int?
    var skills: [String]?
    var carers: Int?
    var priority: String?
    var pinned: [String]?

    enum CodingKeys: String, CodingKey {
        case id, client, skills, carers, priority, pinned
        case windowStart = "window_start"
        case windowEnd = "window_end"
        case durationMinutes = "duration_minutes"
    }
}
