import CareModel

/// A roster as CSV (RFC 4180, CRLF line ends): one row per visit and carer, for spreadsheets.
public enum RosterCSV {
    /// `visit,client,carer,start,end,minutes,partners,priority` rows, in roster order.
    public static func assignments(problem: Problem, roster: Roster) throws -> String {
        let visits = Dictionary(problem.visits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let zone = ZoneOffsets(identifier: problem.timeZone)
        var rows: [[String]] = [["visit", "client", "carer", "start", "end", "minutes", "partners", "priority"]]
        for a in roster.assignments {
            guard let v = visits[a.visit], let t = Instant(rfc3339: a.start) else { continue }
            let finish = t.adding(minutes: v.durationMinutes)
            let end = zone?.rfc3339(finish) ?? finish.description
            for c in a.carers {
                rows.append([
                    a.visit, v.client, c, a.start, end, String(v.durationMinutes),
                    a.carers.filter { $0 != c }.joined(separator: " "), v.priority.rawValue,
                ])
            }
        }
        return try CSVText.write(rows, numericColumns: [5])
    }
}
