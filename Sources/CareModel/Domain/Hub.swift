/// A local care hub: the unit a roster is made for.
public struct Hub: Hashable, Sendable {
    /// Short stable code (`STAF`), upper-case letters, digits, `-` and `_`.
    public var code: String
    /// Display name (`Stafford`).
    public var name: String
    /// Where the hub's office is.
    public var location: GeoPoint
    /// IANA time zone that local days and visit windows are read in.
    public var timeZone: String

    /// A hub; `timeZone` defaults to Europe/London.
    public init(code: String, name: String, location: GeoPoint, timeZone: String = "Europe/London") {
        self.code = code
        self.name = name
        self.location = location
        self.timeZone = timeZone
    }
}
