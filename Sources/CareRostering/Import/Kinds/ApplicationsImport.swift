import CareModel
import CareStore

/// `applications.csv`: one application per row, by external id, with the day it reached each stage.
enum ApplicationsImport: RecordImport {
    static let name = "applications"
    static let requiredColumns = ["external_id", "vacancy", "applied_on"]

    /// The optional stage dates, in the order they are checked.
    static let stages = ["interviewed_on", "offered_on", "accepted_on", "declined_on", "checks_cleared_on", "withdrawn_on", "started_on"]

    static func value(_ r: inout RowReader, _ known: References) -> Application? {
        let id = r.id("external_id")
        let vacancy = r.id("vacancy")
        let applied = r.date("applied_on")
        var dates: [String: LocalDate] = [:]
        for column in stages {
            if let d = r.date(column, required: false) { dates[column] = d }
        }
        if let vacancy, !known.vacancies.contains(vacancy) { r.fail("vacancy", "unknown vacancy \(vacancy)") }
        if let applied { for (column, d) in dates.sorted(by: { $0.key < $1.key }) where d < applied { r.fail(column, "before applied_on") } }
        if dates["accepted_on"] != nil && dates["offered_on"] == nil { r.fail("accepted_on", "no offered_on") }
        if dates["declined_on"] != nil && dates["offered_on"] == nil { r.fail("declined_on", "no offered_on") }
        if dates["accepted_on"] != nil && dates["declined_on"] != nil { r.fail("declined_on", "both accepted and declined") }
        if let o = dates["offered_on"], let a = dates["accepted_on"], a < o { r.fail("accepted_on", "before offered_on") }
        if (dates["started_on"] != nil || dates["checks_cleared_on"] != nil) && dates["accepted_on"] == nil {
            r.fail(dates["started_on"] != nil ? "started_on" : "checks_cleared_on", "no accepted_on")
        }
        if let a = dates["accepted_on"], let s = dates["started_on"], s < a { r.fail("started_on", "before accepted_on") }
        guard let id, let vacancy, let applied else { return nil }
        var a = Application(externalID: id, vacancyID: vacancy, source: r.optionalText("source") ?? "unknown", applied: applied)
        a.interviewed = dates["interviewed_on"]
        a.offered = dates["offered_on"]
        a.accepted = dates["accepted_on"]
        a.declined = dates["declined_on"]
        a.checksCleared = dates["checks_cleared_on"]
        a.withdrawn = dates["withdrawn_on"]
        a.started = dates["started_on"]
        return a
    }

    static func identity(of a: Application) -> (key: String, name: String)? { (a.externalID, "external_id \(a.externalID)") }

    static func write(_ a: Application, to db: Connection) throws -> UpsertOutcome { try RecruitmentRepository(db).upsert(a) }
}

extension ImportKind {
    /// Applications to vacancies, stage by stage.
    public static let applications = ImportKind(ApplicationsImport.self)
}
