import CareStore

/// A kind whose every record is one value written on its own (all but shifts and packages,
/// which gather several records into one write).
protocol RecordImport: ImportParser {
    associatedtype Value
    /// The record's value; nil when `row` has reported an issue.
    static func value(_ row: inout RowReader, _ known: References) -> Value?
    /// What makes two records the same, and how an issue names it; nil when repeats are allowed.
    static func identity(of value: Value) -> (key: String, name: String)?
    /// Writes the value through the store.
    static func write(_ value: Value, to db: Connection) throws -> UpsertOutcome
}

extension RecordImport {
    static func identity(of value: Value) -> (key: String, name: String)? { nil }

    static func parse(_ file: CSVFile, _ known: References) -> ParsedFile {
        var parsed = ParsedFile()
        var firstLines = FirstLines()
        for record in file.records {
            var row = RowReader(record)
            let value = value(&row, known)
            parsed.issues += row.issues
            guard row.issues.isEmpty, let value else { continue }
            if let id = identity(of: value), let repeated = firstLines.duplicate(id.key, line: record.line, id.name) {
                parsed.issues.append(repeated)
                continue
            }
            parsed.writes.append((record.line, { try write(value, to: $0) }))
        }
        return parsed
    }
}
