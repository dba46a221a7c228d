import CSV
import Foundation

/// RFC 4180 CSV text (CRLF line ends) for every file carehub writes: report tables, rosters,
/// payroll, short-notice lists, sample import files.
public enum CSVText {
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
