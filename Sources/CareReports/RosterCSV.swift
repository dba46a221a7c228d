import CSV
import CareModel
import Foundation

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
                rows.append([a.visit, v.client, c, a.start, end, String(v.durationMinutes),
                             a.carers.filter { $0 != c }.joined(separator: " "), v.priority.rawValue])
            }
        }
        return try write(rows)
    }

    /// Rows as CSV text, through CSV.swift's writer (which quotes what needs quoting).
    public static func write(_ rows: [[String]]) throws -> String {
        let csv = try CSVWriter(stream: .toMemory(), newline: .crlf)
        for row in rows { try csv.write(row: row) }
        csv.stream.close()
        let data = csv.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        // CSVWriter puts the line break before each row after the first; end with one too.
        return String(decoding: data, as: UTF8.self) + (rows.isEmpty ? "" : "\r\n")
    }
}
