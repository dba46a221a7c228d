import CareModel
import CareStore
import Foundation

/// `home-first.csv`: hospital discharges starting Home First reablement, one per row (issue 15).
/// Each names a discharge already imported (`discharges.csv`, pathway 1) and its client: an
/// existing one by id, or a new one with `given_name`, `family_name`, `postcode`, `lat` and `lon`
/// (and optionally `date_of_birth`, `funding`, default bcf_pooled). `calls` lists the day's calls
/// (am;lunch;tea;bed, the default), `carers` how many come to each (1 or 2), `days` how long
/// reablement lasts (default 42). The client's reablement package, its visits from `--now` to the
/// end of the week (and the next week's when the next 24 hours reach it) at Home First priority,
/// and the discharge and reablement episodes of their journey are written at once;
/// `carehub rebalance` staffs the visits. Errors name columns, never values.
enum HomeFirstImport: RecordImport {
    static let name = "home-first"
    static let unit = "Home First discharges"
    static let requiredColumns = ["discharge", "client"]

    static let detailColumns = ["given_name", "family_name", "postcode", "lat", "lon", "date_of_birth", "funding"]

    /// One row: the admission, and the moment the import runs as.
    struct Row: Sendable {
        let admission: HomeFirst.Admission
        let now: Instant
    }

    static func value(_ r: inout RowReader, _ known: References) -> Row? {
        let discharge = r.id("discharge")
        let client = r.id("client")
        let calls = r.list("calls").compactMap { text -> HomeFirst.Call? in
            guard let call = HomeFirst.Call(rawValue: text.lowercased()) else {
                r.fail("calls", "each of am, lunch, tea, bed (separated by ;)")
                return nil
            }
            return call
        }
        if Set(calls).count < calls.count { r.fail("calls", "a call is listed twice") }
        let carers = r.int("carers", in: 1...2, default: 1)
        let days = r.int("days", in: 1...84, default: 42)
        let details = detailColumns.contains { !r.record[$0].isEmpty }
        var newClient: Client?
        if let client, known.clients.contains(client) {
            for column in detailColumns where !r.record[column].isEmpty { r.fail(column, "leave blank: client \(client) exists") }
        } else if let client {
            if !details {
                r.fail("client", "unknown client \(client); give given_name, family_name, postcode, lat and lon to create them")
            } else {
                let given = r.text("given_name")
                let postcode = r.text("postcode")
                let place = r.point("lat", "lon")
                let funding = r.choice("funding", FundingStream.self, default: .bcfPooled)
                let birth = r.date("date_of_birth", required: false)
                if let given, let postcode, let place, let funding {
                    // The hub comes from the discharge when it is written.
                    newClient = Client(
                        externalID: client, hubCode: "", givenName: given, familyName: r.record["family_name"], postcode: postcode,
                        location: place, funding: funding, dateOfBirth: birth)
                }
            }
        }
        guard r.issues.isEmpty, let discharge, let client, let carers, let days else { return nil }
        let admission = HomeFirst.Admission(
            dischargeID: discharge, clientID: client, newClient: newClient, calls: calls.isEmpty ? HomeFirst.Call.allCases : calls,
            carers: carers, days: days)
        return Row(admission: admission, now: known.now)
    }

    static func identity(of row: Row) -> (key: String, name: String)? { (row.admission.dischargeID, "discharge \(row.admission.dischargeID)") }

    static func write(_ row: Row, to db: Connection) throws -> UpsertOutcome {
        // A refusal is the row's: reported with its line, like the database's.
        do {
            return try HomeFirst.admit(db, row.admission, now: row.now)
        } catch let refusal as HomeFirst.Refusal {
            throw RowRefusal(refusal.description)
        } catch let refusal as JourneyError {
            throw RowRefusal(refusal.description)
        }
    }
}

extension ImportKind {
    /// Home First discharges: reablement packages and their first visits from hospital discharges.
    public static let homeFirst = ImportKind(HomeFirstImport.self)
}
