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

    /// Number of places.
    public var count: Int { minutes.size }
}
