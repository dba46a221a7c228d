import CareModel
import CareStore

/// `shifts.csv`: one shift per row. A carer's shifts starting on one day are written together,
/// replacing what that day had, so the file is the rota as it now stands.
enum ShiftsImport: ImportParser {
    static let name = "shifts"
    static let unit = "carer-days of shifts"
    static let requiredColumns = ["carer", "date", "start", "end"]

    /// One carer's shifts starting on one day, and the line of the first.
    private struct Day {
        let line: Int
        let carer: String
        let date: LocalDate
        var shifts: [LocalShift] = []
    }

    static func parse(_ file: CSVFile, _ known: References) -> ParsedFile {
        var parsed = ParsedFile()
        var days: [String: Day] = [:]
        var order: [String] = []
        for record in file.records {
            var r = RowReader(record)
            let id = r.id("carer")
            let date = r.date("date")
            let start = r.time("start")
            let end = r.time("end")
            if let id, !known.carers.contains(id) { r.fail("carer", "unknown carer \(id)") }
            if let start, let end, start == end { r.fail("end", "same as start") }
            parsed.issues += r.issues
            guard r.issues.isEmpty, let id, let date, let start, let end else { continue }
            // An end at or before the start means the shift runs past midnight.
            let minutes = (end.minutesSinceMidnight - start.minutesSinceMidnight + 1440) % 1440
            let key = "\(id)|\(date)"
            if days[key] == nil { order.append(key) }
            let shift = LocalShift(carerID: id, date: date, start: start, minutes: minutes)
            if let clash = days[key]?.shifts.first(where: { overlaps($0, shift) }) {
                parsed.issues.append(FieldIssue(line: record.line, field: "start", problem: "overlaps the shift starting \(clash.start)"))
            }
            days[key, default: Day(line: record.line, carer: id, date: date)].shifts.append(shift)
        }
        for key in order {
            guard let day = days[key] else { continue }
            parsed.writes.append((day.line, { try ShiftRepository($0).replaceShifts(carer: day.carer, date: day.date, shifts: day.shifts) }))
        }
        return parsed
    }

    static func overlaps(_ a: LocalShift, _ b: LocalShift) -> Bool {
        let a0 = a.start.minutesSinceMidnight
        let b0 = b.start.minutesSinceMidnight
        return a0 < b0 + b.minutes && b0 < a0 + a.minutes
    }
}

extension ImportKind {
    /// Carers' shifts, a day at a time.
    public static let shifts = ImportKind(ShiftsImport.self)
}
