import CareModel
import CareStore

/// `absences.csv`: one absence per row (sickness, holiday, training…), whole local days.
enum AbsencesImport: RecordImport {
    static let name = "absences"
    static let requiredColumns = ["carer", "kind", "first_day", "last_day"]

    /// An absence with its optional reason and payroll's working days lost.
    struct Value {
        let absence: LocalAbsence
        let reason: String?
        let workingDaysLost: Double?
    }

    static func value(_ r: inout RowReader, _ known: References) -> Value? {
        let id = r.id("carer")
        let kind = r.choice("kind", AbsenceKind.self)
        let first = r.date("first_day")
        let last = r.date("last_day")
        if let id, !known.carers.contains(id) { r.fail("carer", "unknown carer \(id)") }
        if let first, let last, last < first { r.fail("last_day", "before first_day") }
        var lost: Double?
        if let text = r.optionalText("working_days_lost") {
            if let x = Double(text), x >= 0, x <= 366 { lost = x } else { r.fail("working_days_lost", "must be 0…366") }
        }
        guard let id, let kind, let first, let last else { return nil }
        return Value(
            absence: LocalAbsence(carerID: id, kind: kind, firstDay: first, lastDay: last), reason: r.optionalText("reason"),
            workingDaysLost: lost)
    }

    static func write(_ v: Value, to db: Connection) throws -> UpsertOutcome {
        try ShiftRepository(db).upsertAbsence(v.absence, reason: v.reason, workingDaysLost: v.workingDaysLost)
    }
}

extension ImportKind {
    /// Carers' absences: sickness, holiday, training and the rest.
    public static let absences = ImportKind(AbsencesImport.self)
}
