import ArgumentParser
import CareModel
import CareRostering
import CareStore

extension ImportKind: ExpressibleByArgument {}

/// `carehub import KIND FILE`.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import people, places, packages, rotas, HR history or hospital discharges from a CSV file.",
        discussion: """
            RFC 4180 CSV with a header row of named columns (docs/import.md; examples in examples/). Records are \
            upserted by external id. Every bad row is reported as FILE:LINE: column: problem, all in one run, \
            and then nothing is stored: one transaction per file. --dry-run validates and says what would change.
            """)

    @OptionGroup var database: DatabaseOptions
    // The kinds (listed by help, checked on parsing) are ImportKind.allCases: the importers' registry.
    @Argument(help: "What the file holds.") var kind: ImportKind
    @Argument(help: "The CSV file.") var file: String
    @Flag(help: "Validate and report new/updated/unchanged counts without writing.") var dryRun = false
    @Option(help: "The moment to import as, RFC 3339 (default now): Home First plans visits whose windows end after it.")
    var now: String?

    func run() throws {
        let instant = try now.map { text -> Instant in
            guard let instant = Instant(rfc3339: text) else { throw ValidationError("--now \(text): expected RFC 3339, e.g. 2026-11-23T10:00:00Z") }
            return instant
        }
        try reportingFailures {
            print(try Importer.run(try database.connect(), kind: kind, path: file, dryRun: dryRun, now: instant ?? .now))
        }
    }
}
