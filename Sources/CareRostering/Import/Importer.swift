import CareModel
import CareStore
import Foundation

/// The CSV files carehub imports, with the columns each must have.
public enum ImportKind: String, CaseIterable, Sendable {
    case hubs, carers, skills, shifts, absences, clients, packages, spells, vacancies, applications, costs, discharges, commissions, outcomes

    /// The files describing a county's people, places and rotas (the HR files follow them).
    public static let county: [ImportKind] = [.hubs, .carers, .skills, .shifts, .absences, .clients, .packages]

    /// What one counted record is.
    public var unit: String {
        switch self {
        case .shifts: return "carer-days of shifts"
        case .skills: return "carer skills"
        case .spells: return "employment spells"
        case .costs: return "recruitment costs"
        case .discharges: return "hospital discharges"
        case .commissions: return "package commissions"
        case .outcomes: return "visit outcomes"
        default: return rawValue
        }
    }

    /// Required columns (others listed in docs/import.md are optional).
    public var requiredColumns: [String] {
        switch self {
        case .hubs: return ["code", "name", "lat", "lon"]
        case .carers: return ["external_id", "hub", "given_name", "family_name", "home_lat", "home_lon", "contract_type",
                              "contracted_hours", "max_hours", "hourly_rate", "start_date"]
        case .skills: return ["carer", "skill", "qualified_on"]
        case .shifts: return ["carer", "date", "start", "end"]
        case .absences: return ["carer", "kind", "first_day", "last_day"]
        case .clients: return ["external_id", "hub", "given_name", "family_name", "postcode", "lat", "lon", "funding"]
        case .packages: return ["package", "client", "valid_from", "weekday", "window_start", "window_end", "duration_minutes"]
        case .spells: return ["carer", "hub", "contract_type", "start_date"]
        case .vacancies: return ["external_id", "hub", "opened_on"]
        case .applications: return ["external_id", "vacancy", "applied_on"]
        case .costs: return ["external_id", "hub", "incurred_on", "cost_type", "amount"]
        case .discharges: return ["external_id", "hub", "age_at_discharge", "discharge_date", "pathway"]
        case .commissions: return ["package", "client", "funder"]
        case .outcomes: return ["visit", "status"]
        }
    }
}

/// What an import did (or, with `dryRun`, would do).
public struct ImportSummary: Sendable, Equatable, CustomStringConvertible {
    public let kind: ImportKind
    public let file: String
    public var new = 0, updated = 0, unchanged = 0
    public let dryRun: Bool

    public var description: String {
        "\(file): \(dryRun ? "would import" : "imported") \(new + updated + unchanged) \(kind.unit): \(new) new, \(updated) updated, \(unchanged) unchanged\(dryRun ? " (dry run: nothing written)" : "")"
    }
}

/// Imports one CSV file: every row is validated first and every problem reported as
/// `FILE:LINE: column: problem`; then all rows are written in one transaction, or none.
public enum Importer {
    /// Thrown inside the transaction to roll a dry run back.
    private struct DryRun: Error { let summary: ImportSummary }

    public static func run(_ db: Connection, kind: ImportKind, path: String, dryRun: Bool) throws -> ImportSummary {
        let name = (path as NSString).lastPathComponent
        let file = try CSVFile(path: path, name: name)
        let missing = file.missingColumns(kind.requiredColumns)
        if !missing.isEmpty { throw ImportError(file: name, issues: missing) }
        let writer = ImportWriter(db)
        let known = References(hubs: try writer.externalIDs(.hubs), carers: try writer.externalIDs(.carers), clients: try writer.externalIDs(.clients),
                               vacancies: try writer.externalIDs(.vacancies))
        let (writes, issues) = RowParsers.parse(kind, file, known)
        if !issues.isEmpty { throw ImportError(file: name, issues: issues) }
        do {
            return try db.transaction { db in
                var summary = ImportSummary(kind: kind, file: name, dryRun: dryRun)
                var failures: [ImportIssue] = []
                for (line, write) in writes {
                    do {
                        // A savepoint per row: a refusal by the database still gets its line number.
                        switch try db.transaction({ _ in try write(ImportWriter(db)) }) {
                        case .new: summary.new += 1
                        case .updated: summary.updated += 1
                        case .unchanged: summary.unchanged += 1
                        }
                    } catch let error as StoreError {
                        failures.append(ImportIssue(line: line, column: nil, problem: refusal(error)))
                    } catch let error as ReferenceError {
                        failures.append(ImportIssue(line: line, column: nil, problem: error.description))
                    } catch let error as RowRefusal {
                        failures.append(ImportIssue(line: line, column: nil, problem: error.description))
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

/// Identifiers already in the database, so references can be checked with line numbers.
struct References {
    var hubs: Set<String>
    var carers: Set<String>
    var clients: Set<String>
    var vacancies: Set<String>
}
