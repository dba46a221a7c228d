import CareModel

/// Travel minutes between every pair of places the problem mentions, computed once.
///
/// Places are numbered densely (carers' homes, clients' homes) by whoever builds the problem;
/// the solver only ever asks `minutes[i, j]`.
public struct TravelMatrix: Sendable {
    /// `minutes[i, j]`: whole minutes from place `i` to place `j`.
    public let minutes: Matrix

    /// The matrix of a travel model over a list of places; every trip that moves carries
    /// `tripMinutes` more (a mode's overhead).
    public init(places: [GeoPoint], model: HaversineTravel, tripMinutes: Int = 0) {
        var m = Matrix(size: places.count, repeating: 0)
        for i in places.indices {
            for j in places.indices where j > i {
                let moving = model.minutes(from: places[i], to: places[j])
                let t = moving > 0 ? moving + tripMinutes : 0
                // Haversine is symmetric, so half the work suffices.
                m[i, j] = t
                m[j, i] = t
            }
        }
        minutes = m
    }

    /// The matrix of a problem for carers who travel by `mode`: places `0..<carers.count` are
    /// the carers' homes, then the clients in the problem's order. Every entry equals
    /// `problem.travelMinutes(from:to:by:)`, so the engine, the checker and the reports agree
    /// (`TravelMatrixTests`); haversine is symmetric and fills half, a matrix model is read by
    /// its place ids (and may be asymmetric).
    public init(problem: Problem, mode: TransportMode = .car) {
        let places = problem.carers.map { PlaceRef.carer($0.id) } + problem.clients.map { PlaceRef.client($0.id) }
        let trip = problem.travelModes[mode].tripMinutes
        switch problem.travel {
        case .haversine(let model):
            let speed = problem.travelModes[mode].speedKmh
            let modeModel = mode == .car ? model : HaversineTravel(speedKmh: speed, roadFactor: model.roadFactor) ?? model
            self.init(places: problem.carers.map(\.location) + problem.clients.map(\.location), model: modeModel, tripMinutes: trip)
        case .matrix(let model):
            let rows = Dictionary(model.places.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            let index = places.map { rows[$0.id] }
            let table = model.minutes(for: mode)
            var m = Matrix(size: places.count, repeating: 0)
            for i in places.indices {
                guard let r = index[i] else { continue }
                for j in places.indices {
                    if let c = index[j], table[r][c] > 0 { m[i, j] = table[r][c] + trip }
                }
            }
            self.init(minutes: m)
        }
    }

    private init(minutes: Matrix) { self.minutes = minutes }

    /// Number of places.
    public var count: Int { minutes.size }
}
