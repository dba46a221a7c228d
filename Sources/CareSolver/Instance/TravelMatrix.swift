import CareModel

/// Travel minutes between every pair of places the problem mentions, computed once.
///
/// Places are numbered densely (carers' homes, clients' homes) by whoever builds the problem;
/// the solver only ever asks `minutes[i, j]`.
public struct TravelMatrix: Sendable {
    /// `minutes[i, j]`: whole minutes from place `i` to place `j`.
    public let minutes: Matrix<Int>

    /// The matrix of a travel model over a list of places.
    public init(places: [GeoPoint], model: HaversineTravel) {
        var m = Matrix(size: places.count, repeating: 0)
        for i in places.indices {
            for j in places.indices where j > i {
                let t = model.minutes(from: places[i], to: places[j])
                // Haversine is symmetric, so half the work suffices.
                m[i, j] = t
                m[j, i] = t
            }
        }
        minutes = m
    }

    /// The matrix of a problem: places `0..<carers.count` are the carers' homes, then the
    /// clients in the problem's order. Every entry comes from `problem.travelMinutes`, so the
    /// engine, the checker and the reports agree; haversine is symmetric and fills half, a
    /// matrix model is read by its place ids (and may be asymmetric).
    public init(problem: Problem) {
        let places = problem.carers.map { PlaceRef.carer($0.id) } + problem.clients.map { PlaceRef.client($0.id) }
        switch problem.travel {
        case .haversine(let model):
            self.init(places: problem.carers.map(\.location) + problem.clients.map(\.location), model: model)
        case .matrix(let model):
            let rows = Dictionary(model.places.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            let index = places.map { rows[$0.id] }
            var m = Matrix(size: places.count, repeating: 0)
            for i in places.indices {
                guard let r = index[i] else { continue }
                for j in places.indices {
                    if let c = index[j] { m[i, j] = model.minutes[r][c] }
                }
            }
            self.init(minutes: m)
        }
    }

    private init(minutes: Matrix<Int>) { self.minutes = minutes }

    /// Number of places.
    public var count: Int { minutes.size }
}
