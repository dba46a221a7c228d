import CareModel
import CareStore

/// `vacancies.csv`: one vacancy per row, by external id, with when it opened and closed.
enum VacanciesImport: RecordImport {
    static let name = "vacancies"
    static let requiredColumns = ["external_id", "hub", "opened_on"]

    static func value(_ r: inout RowReader, _ known: References) -> Vacancy? {
        let id = r.id("external_id")
        let hub = r.id("hub")
        let opened = r.date("opened_on")
        let closed = r.date("closed_on", required: false)
        if let hub, !known.hubs.contains(hub) { r.fail("hub", "unknown hub \(hub)") }
        if let opened, let closed, closed < opened { r.fail("closed_on", "before opened_on") }
        guard let id, let hub, let opened else { return nil }
        return Vacancy(externalID: id, hubCode: hub, opened: opened, closed: closed, closeReason: r.optionalText("close_reason"))
    }

    static func identity(of v: Vacancy) -> (key: String, name: String)? { (v.externalID, "external_id \(v.externalID)") }

    static func write(_ v: Vacancy, to db: Connection) throws -> UpsertOutcome { try RecruitmentRepository(db).upsert(v) }
}

extension ImportKind {
    /// Vacancies: posts opened, filled or withdrawn.
    public static let vacancies = ImportKind(VacanciesImport.self)
}
