import CareModel
import CareSolver
import Testing

@Suite("Travel matrix")
struct TravelMatrixTests {
    /// Every entry equals the model's own answer, the diagonal is zero and the matrix symmetric.
    @Test func matchesModel() {
        let places = [
            GeoPoint(latitude: 52.80, longitude: -2.11)!, GeoPoint(latitude: 52.83, longitude: -2.15)!,
            GeoPoint(latitude: 52.76, longitude: -2.02)!, GeoPoint(latitude: 52.80, longitude: -2.11)!,
        ]
        let model = HaversineTravel()!
        let matrix = TravelMatrix(places: places, model: model)
        #expect(matrix.count == 4)
        for i in places.indices {
            for j in places.indices {
                #expect(matrix.minutes[i, j] == model.minutes(from: places[i], to: places[j]))
            }
        }
        #expect(matrix.minutes[0, 3] == 0)
        #expect(matrix.minutes[0, 1] > 0)
    }
}
