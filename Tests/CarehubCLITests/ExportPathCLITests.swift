import CareStore
import CareTestSupport
import Foundation
import Testing

@Suite("carehub roster export with hostile ids")
struct ExportPathCLITests {
    /// Carer ids that could never pass an import (`../../x…`, `.hidden…`, `/tmp/…`) written straight into
    /// the database by its owner still cannot make `roster export` write outside `--out`: every file
    /// lands under it, with the id percent-encoded in its name.
    @Test func hostileStoredIDsStayUnderOut() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carehub-escape-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let absolute = "/tmp/carehub-abs-\(UUID().uuidString)-"
        let db = ["--database-url", test.conninfo]
        func run(_ args: [String]) throws -> CLIRunner.Output { try CLIRunner.run(args + db) }

        let csv = dir.appendingPathComponent("csv")
        #expect(try CLIRunner.run(["demo", "csv", "--hubs", "1", "--clients-per-hub", "8", "--week", "2026-W48", "--out", csv.path]).status == 0)
        for kind in ["hubs", "carers", "skills", "shifts", "absences", "clients", "packages"] {
            let out = try run(["import", kind, csv.appendingPathComponent("\(kind).csv").path])
            #expect(out.status == 0, "import \(kind): \(out.stderr)")
        }
        // Through the door, such an id is refused by file, line and column, and nothing is written.
        let bad = dir.appendingPathComponent("bad-carers.csv")
        let carers = try String(contentsOf: csv.appendingPathComponent("carers.csv"), encoding: .utf8)
        let lines = carers.split(whereSeparator: \.isNewline)  // CRLF is one Character
        let header = lines[0]
        let row = lines[1].split(separator: ",", maxSplits: 1)[1]
        try (header + "\n../../x," + row + "\n").write(to: bad, atomically: true, encoding: .utf8)
        let owner = try test.connect()
        let before: Int = try owner.query("SELECT count(*) AS n FROM carers").rows[0].decode("n")
        let refused = try run(["import", "carers", bad.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad-carers.csv:2: external_id: id starts with . (letters, digits, -, _ and . only"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was imported") && !refused.stderr.contains("../../x"))
        #expect(try owner.query("SELECT count(*) AS n FROM carers").rows[0].decode("n", as: Int.self) == before)
        try FileManager.default.removeItem(at: bad)

        try owner.execute(
            """
            UPDATE carers SET external_id = CASE id % 4 WHEN 1 THEN '.hidden-' WHEN 2 THEN \(absolute)::text ELSE '../../escape-' END || id
            """)
        #expect(try run(["visits", "plan", "--week", "2026-W48"]).status == 0)
        let generated = try run(["roster", "generate", "--hub", "STAF", "--week", "2026-W48", "--iterations", "50", "--quiet"])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(try run(["roster", "publish", "--hub", "STAF", "--week", "2026-W48", "--version", "1"]).status == 0)

        let out = dir.appendingPathComponent("a/b/out")
        let exported = try run(["roster", "export", "--hub", "STAF", "--week", "2026-W48", "--out", out.path])
        #expect(exported.status == 0, "\(exported.stderr)")
        // Nothing beside or above --out, nothing at the absolute path.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a", "csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("a").path) == ["b"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("a/b").path) == ["out"])
        let tmp = try FileManager.default.contentsOfDirectory(atPath: "/tmp")
        #expect(!tmp.contains { ("/tmp/" + $0).hasPrefix(absolute) })
        // Every file is a visible file directly in out, out/ics or out/html.
        let calendars = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("ics").path)
        let sheets = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("html").path)
        #expect(!calendars.isEmpty && calendars.allSatisfy { $0.hasPrefix("%") && $0.hasSuffix(".ics") })
        #expect(sheets.allSatisfy { ($0.hasPrefix("%") || $0 == "index.html") && $0.hasSuffix(".html") })
        #expect(calendars.contains { $0.hasPrefix("%%2E%2E%2F%2E%2E%2Fescape-") })
        let top = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(top.allSatisfy { !$0.hasPrefix(".") })
    }
}
