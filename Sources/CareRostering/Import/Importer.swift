import CareModel
import CareStore
import Foundation

/// What an import did (or, with `dryRun`, would do).
public struct ImportSummary: Sendable, Equatable, CustomStringConvertible {
    public let kind: ImportKind
    public let file: String
    public var new = 0, updated = 0, unchanged = 0
    public let dryRun: Bool

    public var description: String {
        let counts = "\(new + updated + unchanged) \(kind.unit): \(new) new, \(updated) updated, \(unchanged) unchanged"
        return "\(file): \(dryRun ? "would import" : "imported") \(counts)\(dryRun ? " (dry run: nothing written)" : "")"
    }
}

/// Imports one CSV file: every row is validated first and every problem reported as
/// `FILE:LINE: column: problem`; then all rows are written in one transaction, or none.
public enum Importer {
    /// Thrown inside the transaction to roll a dry run back.
    private struct DryRun: Error { let summary: ImportSummary }

    /// Imports the file at `path` as `kind`; with `dryRun` every write runs and is rolled back.
    /// `now`: the moment the import runs as (default the clock's; Home First plans from it).
    public static func run(_ db: Connection, kind: ImportKind, path: String, dryRun: Bool, now: Instant = .now) throws -> ImportSummary {
        let name = (path as NSString).lastPathComponent
        let file = try CSVFile(path: path, name: name)
        try ImportCheck.requireColumns(kind, file)
        let ids = ExternalIDRepository(db)
        let known = References(
            hubs: try ids.all(.hubs), carers: try ids.all(.carers), clients: try ids.all(.clients),
            vacancies: try ids.all(.vacancies), now: now)
        let parsed = try ImportCheck.parse(kind, file, known)
        do {
            return try db.transaction { db in
                var summary = ImportSummary(kind: kind, file: name, dryRun: dryRun)
                var failures: [FieldIssue] = []
                for (line, write) in parsed.writes {
                    do {
                        // A savepoint per row: a refusal by the database still gets its line number.
                        switch try db.transaction({ db in try write(db) }) {
                        case .new: summary.new += 1
                        case .updated: summary.updated += 1
                        case .unchanged: summary.unchanged += 1
                        }
                        FaultPoint.reach("import-row")
                    } catch let error as StoreError where error.code != .connectionLost {
                        // A lost connection is not the row's fault: it ends the import (rethrown as one error).
                        failures.append(FieldIssue(line: line, field: nil, problem: refusal(error)))
                    } catch let error as ReferenceError {
                        failures.append(FieldIssue(line: line, field: nil, problem: error.description))
                    } catch let error as RowRefusal {
                        failures.append(FieldIssue(line: line, field: nil, problem: error.description))
                    }
                }
                if !failures.isEmpty { throw ImportError(file: name, issues: failures) }
                if dryRun { throw DryRun(summary: summary) }
                return summary
            }
        } catch let dry as DryRun {
            return dry.summary
        }
    }

    /// A database refusal in words, without the row's values.
    private static func refusal(_ error: StoreError) -> String {
        switch error.code {
        case .exclusionViolation: return "overlaps another shift of the same carer"
        case .checkViolation: return "breaks a rule of table \(error.table ?? "?") (\(error.constraint ?? "check"))"
        case .uniqueViolation: return "duplicates an existing row (\(error.constraint ?? "unique"))"
        case .foreignKeyViolation: return "refers to something that does not exist (\(error.constraint ?? "foreign key"))"
        default: return "the database refused it: \(error.code)"
        }
    }
}
