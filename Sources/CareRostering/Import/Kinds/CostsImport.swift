import CareModel
import CareStore

/// `costs.csv`: one recruitment cost per row, by external id, external or internal.
enum CostsImport: RecordImport {
    static let name = "costs"
    static let unit = "recruitment costs"
    static let requiredColumns = ["external_id", "hub", "incurred_on", "cost_type", "amount"]

    /// A cost and its identifier (the model's cost has none of its own).
    struct Value {
        let id: String
        let cost: RecruitmentCost
    }

    static func value(_ r: inout RowReader, _ known: References) -> Value? {
        let id = r.id("external_id")
        let hub = r.id("hub")
        let incurred = r.date("incurred_on")
        let kind = r.text("cost_type").map { $0.lowercased() }
        let pounds = r.number("amount", in: 0.01...1_000_000)
        let vacancy = r.optionalID("vacancy")
        if let hub, !known.hubs.contains(hub) { r.fail("hub", "unknown hub \(hub)") }
        if let kind, kind != "external" && kind != "internal" { r.fail("cost_type", "must be external or internal") }
        if let vacancy, !known.vacancies.contains(vacancy) { r.fail("vacancy", "unknown vacancy \(vacancy)") }
        guard let id, let hub, let incurred, let kind, let pounds else { return nil }
        return Value(
            id: id,
            cost: RecruitmentCost(
                hubCode: hub, vacancyID: vacancy, incurred: incurred, external: kind == "external",
                pence: Int((pounds * 100).rounded())))
    }

    static func identity(of v: Value) -> (key: String, name: String)? { (v.id, "external_id \(v.id)") }

    static func write(_ v: Value, to db: Connection) throws -> UpsertOutcome { try RecruitmentRepository(db).upsert(v.cost, id: v.id) }
}

extension ImportKind {
    /// Recruitment costs: advertising and agency (external) or staff time (internal).
    public static let costs = ImportKind(CostsImport.self)
}
