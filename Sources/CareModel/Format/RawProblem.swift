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
    var links: [RawLink]? = nil
    var rules: RawRules? = nil

    enum CodingKeys: String, CodingKey {
        case format, timezone, travel, weights, hubs, carers, clients, visits, links, rules
        case weekStart = "week_start"
    }
}

struct RawTravel: Codable {
    var model: String?
    var speedKmh: Double?
    var roadFactor: Double?
    var places: [String]? = nil
    var minutes: [[Int]]? = nil
    var minutesByMode: [String: [[Int]]]? = nil
    var modes: [String: RawTransportSetting]? = nil

    enum CodingKeys: String, CodingKey {
        case model, places, minutes, modes
        case speedKmh = "speed_kmh"
        case roadFactor = "road_factor"
        case minutesByMode = "minutes_by_mode"
    }
}

/// One mode's entry in `travel.modes`.
struct RawTransportSetting: Codable {
    var speedKmh: Double?
    var overheadMinutes: Int?
    var accessMinutes: Int?

    enum CodingKeys: String, CodingKey {
        case speedKmh = "speed_kmh"
        case overheadMinutes = "overhead_minutes"
        case accessMinutes = "access_minutes"
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
    var returnsHome: Bool? = nil
    var transport: String? = nil

    enum CodingKeys: String, CodingKey {
        case id, name, hub, lat, lon, skills, gender, shifts, transport
        case returnsHome = "returns_home"
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
    var history: [RawHistory]? = nil

    enum CodingKeys: String, CodingKey {
        case id, hub, lat, lon, history
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
    var lateAllowedMinutes: Int? = nil
    var timeCritical: Bool? = nil
    var previousCarers: [String]? = nil

    enum CodingKeys: String, CodingKey {
        case id, client, skills, carers, priority, pinned
        case previousCarers = "previous_carers"
        case lateAllowedMinutes = "late_allowed_minutes"
        case timeCritical = "time_critical"
        case windowStart = "window_start"
        case windowEnd = "window_end"
        case durationMinutes = "duration_minutes"
    }
}

struct RawHistory: Codable {
    var carer: String?
    var visits: Int?
}

struct RawLink: Codable {
    var first: String?
    var second: String?
    var minGapMinutes: Int?
    var maxGapMinutes: Int?
    var differentCarers: Bool?

    enum CodingKeys: String, CodingKey {
        case first, second
        case minGapMinutes = "min_gap_minutes"
        case maxGapMinutes = "max_gap_minutes"
        case differentCarers = "different_carers"
    }
}

/// `rules`: a missing `break_after_minutes` means the default, an explicit null turns the
/// break rule off, so the decoder keeps the difference.
struct RawRules: Codable {
    /// Present in the document (possibly null).
    var breakAfterGiven: Bool
    var breakAfterMinutes: Int?
    var breakMinutes: Int?

    enum CodingKeys: String, CodingKey {
        case breakAfterMinutes = "break_after_minutes"
        case breakMinutes = "break_minutes"
    }

    init(breakAfterGiven: Bool, breakAfterMinutes: Int?, breakMinutes: Int?) {
        self.breakAfterGiven = breakAfterGiven
        self.breakAfterMinutes = breakAfterMinutes
        self.breakMinutes = breakMinutes
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        breakAfterGiven = c.contains(.breakAfterMinutes)
        breakAfterMinutes = try c.decodeIfPresent(Int.self, forKey: .breakAfterMinutes)
        breakMinutes = try c.decodeIfPresent(Int.self, forKey: .breakMinutes)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let breakAfterMinutes {
            try c.encode(breakAfterMinutes, forKey: .breakAfterMinutes)
        } else if breakAfterGiven {
            try c.encodeNil(forKey: .breakAfterMinutes)
        }
        try c.encodeIfPresent(breakMinutes, forKey: .breakMinutes)
    }
}
