/// A WGS 84 position in decimal degrees.
public struct GeoPoint: Hashable, Sendable, Codable {
    /// Latitude, −90…90.
    public let latitude: Double
    /// Longitude, −180…180.
    public let longitude: Double

    /// A point; nil when either coordinate is out of range or not finite.
    public init?(latitude: Double, longitude: Double) {
        guard latitude.isFinite, longitude.isFinite, (-90...90).contains(latitude),
            (-180...180).contains(longitude)
        else { return nil }
        self.latitude = latitude
        self.longitude = longitude
    }
}
