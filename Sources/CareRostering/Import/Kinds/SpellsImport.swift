import CareModel
import CareStore

/// `spells.csv`: one employment spell per row (carer and start date), with how it ended.
enum SpellsImport: RecordImport {
    static let name = "spells"
    static let unit = "employment spells"
    static let requiredColumns = ["carer", "hub", "contract_type", "start_date"]

    static func value(_ r: inout RowReader, _ known: References) -> EmploymentSpell? {
        let id = r.id("carer")
        let hub = r.id("hub")
        let contract = r.choice("contract_type", ContractType.self)
        let zero = r.bool("zero_hours")
        let hoursText = r.optionalText("contracted_hours")
        let start = r.date("start_date")
        let end = r.date("end_date", required: false)
        let internalStart = r.bool("started_by_internal_move")
        let reason = r.optionalText("leave_reason")
        let destination = r.optionalText("leave_destination")
        let voluntary = r.bool("voluntary", default: true)
        let internalMove = r.bool("internal_move")
        var minutes = 0
        if let hoursText {
            if let h = Double(hoursText), h >= 0, h <= 168 {
                minutes = Int((h * 60).rounded())
            } else {
                r.fail("contracted_hours", "must be 0…168")
            }
        }
        if let id, !known.carers.contains(id) { r.fail("carer", "unknown carer \(id)") }
        if let hub, !known.hubs.contains(hub) { r.fail("hub", "unknown hub \(hub)") }
        if let start, let end, end < start { r.fail("end_date", "before start_date") }
        if zero && minutes > 0 { r.fail("contracted_hours", "must be 0 on a zero-hours contract") }
        if reason != nil && end == nil { r.fail("leave_reason", "given but end_date is empty") }
        guard let id, let hub, let contract, let start else { return nil }
        let leaving = end.map { _ in
            LeavingEvent(reason: reason ?? "unknown", destination: destination, voluntary: voluntary, internalMove: internalMove)
        }
        return EmploymentSpell(
            carerID: id, hubCode: hub, contract: contract, zeroHours: zero, contractedMinutes: minutes, start: start,
            end: end, startedByInternalMove: internalStart, leaving: leaving)
    }

    static func identity(of s: EmploymentSpell) -> (key: String, name: String)? {
        ("\(s.carerID)|\(s.start)", "spell of \(s.carerID) starting \(s.start)")
    }

    static func write(_ spell: EmploymentSpell, to db: Connection) throws -> UpsertOutcome { try WorkforceRepository(db).upsert(spell) }
}

extension ImportKind {
    /// Employment spells: who was employed where, on what contract, and how each spell ended.
    public static let spells = ImportKind(SpellsImport.self)
}
