import CareModel
import CareStore
import Foundation

/// `hubs.csv`: one hub per row, by code.
enum HubsImport: RecordImport {
    static let name = "hubs"
    static let requiredColumns = ["code", "name", "lat", "lon"]

    static func value(_ r: inout RowReader, _ known: References) -> Hub? {
        let code = r.text("code")
        let name = r.text("name")
        let place = r.point("lat", "lon")
        let zone = r.optionalText("timezone") ?? "Europe/London"
        if let code, code.range(of: "^[A-Z0-9][A-Z0-9_-]{0,31}$", options: .regularExpression) == nil {
            r.fail("code", "use 1–32 upper-case letters, digits, - or _")
        }
        if ZoneOffsets(identifier: zone) == nil { r.fail("timezone", "unknown time zone \(zone)") }
        guard let code, let name, let place else { return nil }
        return Hub(code: code, name: name, location: place, timeZone: zone)
    }

    static func identity(of hub: Hub) -> (key: String, name: String)? { (hub.code, "code \(hub.code)") }

    static func write(_ hub: Hub, to db: Connection) throws -> UpsertOutcome { try HubRepository(db).upsert(hub) }
}

extension ImportKind {
    /// Hubs: code, name, location and time zone.
    public static let hubs = ImportKind(HubsImport.self)
}
