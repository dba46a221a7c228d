import CareModel
import Testing

@testable import CareRostering

/// Identifiers a parser test may refer to: hub STAF, carer C1, client P1, vacancy V1.
let knownIDs = References(hubs: ["STAF"], carers: ["C1"], clients: ["P1"], vacancies: ["V1"])

/// Parses CSV text as `parser` would in `carehub import`, against `knownIDs`. No database:
/// these tests check columns, validation and grouping; ImportTests checks the writes.
func parse(_ parser: any ImportParser.Type, _ text: String) throws -> ParsedFile {
    parser.parse(try CSVFile(text: text, name: "\(parser.name).csv"), knownIDs)
}

/// The issues of a parse, as `LINE: column: problem`.
func issues(_ parser: any ImportParser.Type, _ text: String) throws -> [String] {
    try parse(parser, text).issues.map(\.description)
}

@Suite("Import parsers and their registry")
struct ImportParserTests {
    /// Every kind is found by its name, once, and a name no parser has is refused.
    @Test func registryNamesEveryKindOnce() {
        let names = ImportKind.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(names.count == 18)
        for kind in ImportKind.allCases { #expect(ImportKind(rawValue: kind.rawValue) == kind) }
        #expect(ImportKind(rawValue: "patients") == nil)
        #expect(ImportKind.county.map(\.rawValue) == ["hubs", "carers", "skills", "shifts", "absences", "clients", "packages"])
    }

    /// A key seen before is reported against the line it was first seen on.
    @Test func firstLinesReportsRepeats() {
        var lines = FirstLines()
        #expect(lines.duplicate("A", line: 2, "code A") == nil)
        #expect(lines.duplicate("B", line: 3, "code B") == nil)
        #expect(lines.duplicate("A", line: 4, "code A")?.description == "4: duplicate code A (first on line 2)")
    }
}
