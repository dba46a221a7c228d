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
/// The matrix may be asymmetric; its diagonal is 0.
public struct TravelMatrixModel: Sendable, Equatable {
    /// Carer and client ids, each once.
    public var places: [String]
    /// Row `i` holds the minutes from `places[i]` to every place, in the order of `places`.
    public var minutes: [[Int]]

    public init(places: [String], minutes: [[Int]]) {
        self.places = places
        self.minutes = minutes
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

    init() {}

    init(carers: [Problem.Carer], clients: [Problem.Client], travel: TravelModel) {
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
    /// Whole minutes from one place to another under the problem's travel model: haversine
    /// uses the carer's or client's coordinates, matrix their ids. 0 for a place the problem
    /// does not know. Reports, hand-outs, the checker and the engine's compiler all ask this.
    public func travelMinutes(from a: PlaceRef, to b: PlaceRef) -> Int {
        switch travel {
        case .haversine(let model):
            guard let p = point(a), let q = point(b) else { return 0 }
            return model.minutes(from: p, to: q)
        case .matrix(let m):
            guard let i = placeTable.rows[a.id], let j = placeTable.rows[b.id], i < m.minutes.count, j < m.minutes[i].count
            else { return 0 }
            return m.minutes[i][j]
        }
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
