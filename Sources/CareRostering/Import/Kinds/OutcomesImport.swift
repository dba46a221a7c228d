import CareModel
import CareStore

/// `outcomes.csv`: what happened at each planned visit (call monitoring), by visit id.
enum OutcomesImport: RecordImport {
    static let name = "outcomes"
    static let unit = "visit outcomes"
    static let requiredColumns = ["visit", "status"]

    static func value(_ r: inout RowReader, _ known: References) -> VisitOutcome? {
        let visit = r.int("visit", in: 1...999_999_999_999)
        let status = r.choice("status", VisitOutcome.Status.self)
        var start: Instant?
        if !r.record["actual_start"].isEmpty {
            start = Instant(rfc3339: r.record["actual_start"])
            if start == nil { r.fail("actual_start", "bad time (expected RFC 3339, e.g. 2026-11-23T08:05:00Z)") }
        }
        let minutes = r.record["actual_minutes"].isEmpty ? nil : r.int("actual_minutes", in: 0...1440)
        if let status, status != .delivered, start != nil || minutes != nil {
            r.fail(start != nil ? "actual_start" : "actual_minutes", "only for a delivered visit")
        }
        guard let visit, let status else { return nil }
        return VisitOutcome(visitID: visit, status: status, actualStart: start, actualMinutes: minutes)
    }

    static func identity(of o: VisitOutcome) -> (key: String, name: String)? { (String(o.visitID), "visit \(o.visitID)") }

    static func write(_ o: VisitOutcome, to db: Connection) throws -> UpsertOutcome { try MarketRepository(db).record(o) }
}

extension ImportKind {
    /// Visit outcomes: delivered (with actual start and minutes), missed or cancelled.
    public static let outcomes = ImportKind(OutcomesImport.self)
}
