import CareModel
import CareStore

/// `commissions.csv`: what each package was commissioned for (funder, hours, rate, dates), by package id.
enum CommissionsImport: RecordImport {
    static let name = "commissions"
    static let unit = "package commissions"
    static let requiredColumns = ["package", "client", "funder"]

    static func value(_ r: inout RowReader, _ known: References) -> PackageCommission? {
        let id = r.id("package")
        let client = r.id("client")
        let funder = r.choice("funder", FundingStream.self)
        let hours = r.optionalNumber("commissioned_hours", in: 0.01...504)
        let rate = r.optionalNumber("hourly_rate", in: 0...1000)
        let requested = r.date("requested_on", required: false)
        let started = r.date("started_on", required: false)
        let ended = r.date("ended_on", required: false)
        var reason: PackageCommission.EndReason?
        if !r.record["end_reason"].isEmpty { reason = r.choice("end_reason", PackageCommission.EndReason.self) }
        if let client, !known.clients.contains(client) { r.fail("client", "unknown client \(client)") }
        if let requested, let started, started < requested { r.fail("started_on", "before requested_on") }
        if let started, let ended, ended < started { r.fail("ended_on", "before started_on") }
        if reason != nil && ended == nil { r.fail("ended_on", "required with end_reason") }
        guard let id, let client, let funder else { return nil }
        return PackageCommission(
            packageID: id, clientID: client, funder: funder, commissionedHours: hours, hourlyRate: rate,
            requestedOn: requested, startedOn: started, endedOn: ended, endReason: reason)
    }

    static func identity(of c: PackageCommission) -> (key: String, name: String)? { (c.packageID, "package \(c.packageID)") }

    static func write(_ c: PackageCommission, to db: Connection) throws -> UpsertOutcome { try PackageRepository(db).upsert(c) }
}

extension ImportKind {
    /// Package commissions: funder, commissioned hours and rate, requested, started and ended.
    public static let commissions = ImportKind(CommissionsImport.self)
}
