import CareModel
import CareStore

/// One kind of CSV file `carehub import` reads: its columns, its row checks and what it writes.
/// Adding a kind is one new type in `Kinds/` and one entry in `ImportKind.parsers`.
protocol ImportParser: SendableMetatype {
    /// The kind's name on the command line and in file names (`carehub import carers carers.csv`).
    static var name: String { get }
    /// What one counted record is, in the plural (`carer skills`).
    static var unit: String { get }
    /// Columns the header must have (the others listed in docs/import.md are optional).
    static var requiredColumns: [String] { get }
    /// Checks every record, reporting every bad field of every row. The writes are used only
    /// when there is no issue at all.
    static func parse(_ file: CSVFile, _ known: References) -> ParsedFile
}

extension ImportParser {
    static var unit: String { name }
}

/// What parsing one file found: the writes in file order, each with the line it reports
/// errors on, and every issue.
struct ParsedFile {
    /// One record's write through the store's upserts.
    typealias Write = (Connection) throws -> UpsertOutcome

    var writes: [(line: Int, write: Write)] = []
    var issues: [FieldIssue] = []
}

/// Identifiers already in the database, so references can be checked with line numbers.
public struct References: Sendable {
    public var hubs: Set<String>
    public var carers: Set<String>
    public var clients: Set<String>
    public var vacancies: Set<String>
    /// The moment the import runs as (Home First plans visits from it).
    public var now: Instant

    public init(hubs: Set<String>, carers: Set<String>, clients: Set<String>, vacancies: Set<String>, now: Instant = .now) {
        self.hubs = hubs
        self.carers = carers
        self.clients = clients
        self.vacancies = vacancies
        self.now = now
    }
}

/// The line each key was first seen on, so a repeated record is reported against it.
struct FirstLines {
    private var lines: [String: Int] = [:]

    /// Nil the first time `key` is seen; then an issue `duplicate WHAT (first on line N)`.
    mutating func duplicate(_ key: String, line: Int, _ what: String) -> FieldIssue? {
        if let first = lines[key] { return FieldIssue(line: line, field: nil, problem: "duplicate \(what) (first on line \(first))") }
        lines[key] = line
        return nil
    }
}
