/// How a problem's travel minutes are found (`travel` in `carehub.problem/1`).
public enum TravelModel: Sendable, Equatable {
    /// Straight-line distance from the carers' and clients' coordinates.
    case haversine(HaversineTravel)
    /// Minutes between named places, as the caller's routing service gave them.
    case matrix(TravelMatrixModel)

    /// The format's default: haversine at 25 km/h with a road factor of 1.35.
    public static let standard = TravelModel.haversine(.standard)
}

/// The `matrix` travel model: `minutes[i][j]` is whole minutes from `places[i]` to `places[j]`.
///
/// A place id names a carer (their home) or a client; every carer and client has one place.
/// The matrix may be asymmetric; its diagonal is 0. `minutes` is for carers who drive;
/// `minutesByMode` holds the other modes' matrices (optional `minutes_by_mode`), over the same
/// places, for every mode a carer of the problem uses.
public struct TravelMatrixModel: Sendable, Equatable {
    /// Carer and client ids, each once.
    public var places: [String]
    /// Row `i` holds the minutes from `places[i]` to every place, in the order of `places`.
    public var minutes: [[Int]]
    /// The matrices of modes other than `car`, in the shape of `minutes`.
    public var minutesByMode: [TransportMode: [[Int]]]

    public init(places: [String], minutes: [[Int]], minutesByMode: [TransportMode: [[Int]]] = [:]) {
        self.places = places
        self.minutes = minutes
        self.minutesByMode = minutesByMode
    }

    /// The matrix of `mode` (`minutes` for `car`, and for a mode without its own matrix).
    public func minutes(for mode: TransportMode) -> [[Int]] {
        mode == .car ? minutes : minutesByMode[mode] ?? minutes
    }
}

/// A place travel is measured between: a carer's home or a client's home.
public enum PlaceRef: Hashable, Sendable {
    case carer(String)
    case client(String)
}

/// Where each carer and client is for the travel model, rebuilt whenever carers, clients or
/// the model change, so `Problem.travelMinutes` is two dictionary look-ups.
struct PlaceTable: Sendable, Equatable {
    /// Haversine: each id's coordinates.
    var carerPoints: [String: GeoPoint] = [:]
    var clientPoints: [String: GeoPoint] = [:]
    /// Matrix: each id's row.
    var rows: [String: Int] = [:]
    /// Each carer's transport.
    var carerModes: [String: TransportMode] = [:]

    init() {}

    init(carers: [Problem.Carer], clients: [Problem.Client], travel: TravelModel) {
        carerModes = Dictionary(carers.map { ($0.id, $0.transport) }, uniquingKeysWith: { a, _ in a })
        switch travel {
        case .haversine:
            carerPoints = Dictionary(carers.map { ($0.id, $0.location) }, uniquingKeysWith: { a, _ in a })
            clientPoints = Dictionary(clients.map { ($0.id, $0.location) }, uniquingKeysWith: { a, _ in a })
        case .matrix(let m):
            rows = Dictionary(m.places.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }
}

extension Problem {
    /// Whole minutes from one place to another by one mode, under the problem's travel model:
    /// haversine uses the carer's or client's coordinates and the mode's speed (a car's is
    /// `travel.speed_kmh`), matrix their ids and the mode's matrix. A trip that moves (more
    /// than 0 minutes) then carries the mode's overhead and, for public transport, the walk to
    /// and from the stops. 0 for a place the problem does not know. Reports, hand-outs, the
    /// checker and the engine's compiler all ask this.
    public func travelMinutes(from a: PlaceRef, to b: PlaceRef, by mode: TransportMode) -> Int {
        let setting = travelModes[mode]
        let moving: Int
        switch travel {
        case .haversine(let model):
            guard let p = point(a), let q = point(b) else { return 0 }
            if mode == .car {
                moving = model.minutes(from: p, to: q)
            } else {
                moving = (HaversineTravel(speedKmh: setting.speedKmh, roadFactor: model.roadFactor) ?? model).minutes(from: p, to: q)
            }
        case .matrix(let m):
            let table = m.minutes(for: mode)
            guard let i = placeTable.rows[a.id], let j = placeTable.rows[b.id], i < table.count, j < table[i].count
            else { return 0 }
            moving = table[i][j]
        }
        return moving > 0 ? moving + setting.tripMinutes : 0
    }

    /// A carer's transport (`car` for an id the problem does not know).
    public func transport(ofCarer id: String) -> TransportMode { placeTable.carerModes[id] ?? .car }

    /// Whole minutes for carer `carer` from one place to another, by the carer's transport.
    public func travelMinutes(from a: PlaceRef, to b: PlaceRef, carer: String) -> Int {
        travelMinutes(from: a, to: b, by: transport(ofCarer: carer))
    }

    private func point(_ place: PlaceRef) -> GeoPoint? {
        switch place {
        case .carer(let id): return placeTable.carerPoints[id]
        case .client(let id): return placeTable.clientPoints[id]
        }
    }
}

extension PlaceRef {
    /// The carer's or client's id.
    public var id: String {
        switch self {
        case .carer(let id), .client(let id): return id
        }
    }
}
