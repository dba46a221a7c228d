import CSV
import CareModel
import Foundation

/// A CSV file (RFC 4180, header row, named columns) read with CSV.swift, each record knowing
/// the line it starts on so errors can say `carers.csv:17: hub: unknown hub XYZ`.
struct CSVFile {
    /// One record: its first line number and its fields by column name.
    struct Record {
        let line: Int
        let fields: [String: String]

        /// A field's text, trimmed; empty when the column is absent or blank.
        subscript(_ column: String) -> String {
            (fields[column] ?? "").trimmingCharacters(in: .whitespaces)
        }
    }

    let name: String
    let header: [String]
    let records: [Record]

    /// Reads `path`; `name` is what errors call the file.
    init(path: String, name: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(file: name, issues: [FieldIssue(line: 0, field: nil, problem: "cannot read the file")])
        }
        try self.init(data: data, name: name)
    }

    /// Parses a file's bytes, which must be UTF-8.
    init(data: Data, name: String) throws {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportError(file: name, issues: [FieldIssue(line: 0, field: nil, problem: "not UTF-8 text")])
        }
        try self.init(text: text, name: name)
    }

    /// Parses CSV text.
    init(text: String, name: String) throws {
        self.name = name
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text  // spreadsheet BOM
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: true)
        } catch {
            throw ImportError(file: name, issues: [FieldIssue(line: 1, field: nil, problem: "no header row")])
        }
        header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var records: [Record] = []
        var line = 2  // the header is line 1 (quoted line breaks in it are not expected)
        while let row = reader.next() {
            let spans = row.reduce(1) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
            if !row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                var fields: [String: String] = [:]
                for (i, column) in header.enumerated() where i < row.count { fields[column] = row[i] }
                records.append(Record(line: line, fields: fields))
            }
            line += spans
        }
        if let error = reader.error {
            throw ImportError(file: name, issues: [FieldIssue(line: line, field: nil, problem: "unreadable CSV (\(error))")])
        }
        self.records = records
    }

    /// Issues for fields holding a NUL character: PostgreSQL text cannot store one, so such a field is
    /// refused here, named by line and column, rather than cut short. Every other control character
    /// (tab, CR, LF inside quotes, ESC…) is kept as it is and escaped by each output format.
    func nulIssues() -> [FieldIssue] {
        records.flatMap { record in
            record.fields.keys.sorted().filter { record.fields[$0]?.utf8.contains(0) == true }.map {
                FieldIssue(line: record.line, field: $0, problem: "contains a NUL character, which PostgreSQL text cannot hold")
            }
        }
    }

    /// Issues for required columns the header lacks.
    func missingColumns(_ required: [String]) -> [FieldIssue] {
        required.filter { !header.contains($0) }.map { FieldIssue(line: 1, field: $0, problem: "missing column") }
    }
}

/// A file that cannot be imported; nothing was written.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let issues: [FieldIssue]

    /// `FILE:LINE: column: problem`, one line per issue (at most 100, then a count).
    public var description: String {
        var lines = issues.prefix(100).map { "\(file):\($0)" }
        if issues.count > 100 { lines.append("\(file): … and \(issues.count - 100) more") }
        lines.append("\(file): \(issues.count) problem\(issues.count == 1 ? "" : "s"); nothing was imported")
        return lines.joined(separator: "\n")
    }
}
