/// How a carer gets from one visit to the next (`carers[].transport` in `carehub.problem/1`).
public enum TransportMode: String, CaseIterable, Sendable, Hashable, Comparable {
    case car
    case walk
    case cycle
    /// Buses and trams, approximated: a walk to and from the stops, a wait, and a ride at a
    /// stated average speed along the roads (docs/formats.md).
    case `public`

    /// The modes in the format's order (`car`, `walk`, `cycle`, `public`).
    public static func < (a: TransportMode, b: TransportMode) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The format's names, for error messages.
    public static let names = allCases.map(\.rawValue).joined(separator: ", ")
}

/// How fast one mode travels, and what each trip costs on top of the moving time.
public struct TransportSetting: Sendable, Equatable {
    /// Average speed while moving. For `car` under the haversine model this is
    /// `travel.speed_kmh`; a road network gives cars the speed of each road instead.
    public var speedKmh: Double
    /// Minutes added to every trip between two different places: parking, locking a bike, the
    /// wait for a bus.
    public var overheadMinutes: Int
    /// `public` only: minutes of walking to the first stop and from the last one.
    public var accessMinutes: Int

    /// A setting.
    public init(speedKmh: Double, overheadMinutes: Int = 0, accessMinutes: Int = 0) {
        self.speedKmh = speedKmh
        self.overheadMinutes = overheadMinutes
        self.accessMinutes = accessMinutes
    }

    /// Minutes every trip between two different places carries besides moving.
    public var tripMinutes: Int { overheadMinutes + accessMinutes }

    /// Speeds a setting accepts: a slow walk to a motorway.
    public static let speedRange = 1.0...200.0
    /// Overhead and access minutes a setting accepts.
    public static let minutesRange = 0...120
}

/// Each mode's setting (`travel.modes` in `carehub.problem/1`; a hub's in the database).
public struct TransportSettings: Sendable, Equatable {
    private var settings: [TransportMode: TransportSetting]

    /// The defaults the format documents: a car at `travel.speed_kmh` (25 km/h) with no
    /// overhead, so problems without transport keep their minutes; walking at 4.8 km/h;
    /// cycling at 15 km/h with 2 minutes to lock and unlock; public transport at 18 km/h
    /// with a 10-minute wait and 10 minutes of walking to and from the stops.
    public static let defaults = TransportSettings(settings: [
        .car: TransportSetting(speedKmh: 25),
        .walk: TransportSetting(speedKmh: 4.8),
        .cycle: TransportSetting(speedKmh: 15, overheadMinutes: 2),
        .public: TransportSetting(speedKmh: 18, overheadMinutes: 10, accessMinutes: 10),
    ])

    private init(settings: [TransportMode: TransportSetting]) { self.settings = settings }

    /// One mode's setting.
    public subscript(mode: TransportMode) -> TransportSetting {
        get { settings[mode] ?? TransportSettings.defaults.settings[mode]! }
        set { settings[mode] = newValue }
    }

    /// The modes whose setting differs from the default.
    public var changedModes: [TransportMode] {
        TransportMode.allCases.filter { self[$0] != TransportSettings.defaults[$0] }
    }
}
