import CareModel
import Foundation

/// The pure half of `carehub import`: a file's bytes checked as one kind against identifiers
/// already known, with no database. `Importer.run` uses it before writing anything; the tests
/// and the fuzzer (`fuzz/`) call it directly, so a crash found there is a crash of the import.
public enum ImportCheck {
    /// How many writes `data` makes as `kind` (a record, a package or a carer-day each).
    /// Throws `ImportError` with every issue, named against `name`.
    public static func check(_ kind: ImportKind, data: Data, name: String, known: References) throws -> Int {
        let file = try CSVFile(data: data, name: name)
        try requireColumns(kind, file)
        return try parse(kind, file, known).writes.count
    }

    /// Refuses a file whose header lacks a required column of `kind`.
    static func requireColumns(_ kind: ImportKind, _ file: CSVFile) throws {
        let missing = file.missingColumns(kind.requiredColumns)
        if !missing.isEmpty { throw ImportError(file: file.name, issues: missing) }
    }

    /// Every record checked (NUL characters included); the writes only when there is no issue at all.
    static func parse(_ kind: ImportKind, _ file: CSVFile, _ known: References) throws -> ParsedFile {
        let parsed = kind.parser.parse(file, known)
        let issues = file.nulIssues() + parsed.issues
        if !issues.isEmpty { throw ImportError(file: file.name, issues: issues) }
        return parsed
    }
}
