import CareModel
import CareStore

/// `care-plans.csv`: people's care plans, one item per row (issue 15). The rows of a client are
/// their whole plan, in the file's order: importing replaces what the plan held. `kind` is one of
/// access (how to get in), personal_care, medication_prompt, meal, mobility, domestic, other, or
/// outcome (with `review_on`); `call` names the package call a task belongs to (blank: every
/// call). Errors name the column, never the description (it is personal data).
enum CarePlansImport: ImportParser {
    static let name = "care-plans"
    static let unit = "care plans"
    static let requiredColumns = ["client", "kind", "call", "description", "review_on"]

    static func parse(_ file: CSVFile, _ known: References) -> ParsedFile {
        var parsed = ParsedFile()
        var plans: [String: (line: Int, items: [CarePlan.Item])] = [:]
        var order: [String] = []
        for record in file.records {
            var r = RowReader(record)
            let item = Self.item(&r, known)
            parsed.issues += r.issues
            guard let (client, item) = item else { continue }
            if plans[client] == nil {
                order.append(client)
                plans[client] = (record.line, [])
            }
            plans[client]?.items.append(item)
        }
        for client in order {
            guard let plan = plans[client] else { continue }
            let value = CarePlan(clientID: client, items: plan.items)
            parsed.writes.append((plan.line, { try CarePlanRepository($0).replace(value) }))
        }
        return parsed
    }

    private static func item(_ r: inout RowReader, _ known: References) -> (String, CarePlan.Item)? {
        let client = r.id("client")
        if let client, !known.clients.contains(client) { r.fail("client", "unknown client \(client)") }
        let kind = r.choice("kind", CarePlan.Kind.self)
        let call = r.optionalID("call")
        if let kind, call != nil, kind == .access || kind == .outcome { r.fail("call", "blank for \(kind.rawValue): it belongs to no call") }
        let description = r.text("description")
        if let description, description.unicodeScalars.count > 500 { r.fail("description", "longer than 500 characters") }
        let reviewOn = r.date("review_on", required: kind == .outcome)
        if let kind, kind != .outcome, reviewOn != nil { r.fail("review_on", "only for an outcome") }
        guard r.issues.isEmpty, let client, let kind, let description else { return nil }
        return (client, CarePlan.Item(kind: kind, call: call, description: description, reviewOn: kind == .outcome ? reviewOn : nil))
    }
}

extension ImportKind {
    /// People's care plans: the tasks of each call, how to get in, outcomes with review dates.
    public static let carePlans = ImportKind(CarePlansImport.self)
}
