import CareTestSupport
import Foundation
import Testing

@Suite("carehub weekly loop on the command line")
struct WeeklyLoopCLITests {
    /// csv → import → plan → generate → show → publish → export, each exit code and output as
    /// documented; tables fit 100 columns; a bad import lists lines and stores nothing.
    @Test func importPlanGeneratePublishExport() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carehub-loop-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = ["--database-url", test.conninfo]
        func run(_ args: [String], _ extra: [String] = []) throws -> CLIRunner.Output { try CLIRunner.run(args + extra) }

        #expect(try run(["demo", "csv", "--hubs", "2", "--clients-per-hub", "8", "--week", "2026-W48", "--out", dir.path]).status == 0)
        for kind in ["hubs", "carers", "skills", "shifts", "absences", "clients", "packages"] {
            let out = try run(["import", kind, dir.appendingPathComponent("\(kind).csv").path], db)
            #expect(out.status == 0, "import \(kind): \(out.stderr)")
        }
        let again = try run(["import", "carers", dir.appendingPathComponent("carers.csv").path, "--dry-run"], db)
        #expect(again.stdout.contains("0 new, 0 updated"))

        let bad = dir.appendingPathComponent("bad.csv")
        try "carer,date,start,end\nC-NOPE,2026-11-23,07:00,09:00\nC-STAF-0001,2026-13-01,07:00,09:00\n".write(
            to: bad, atomically: true, encoding: .utf8)
        let refused = try run(["import", "shifts", bad.path], db)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.csv:2: carer: unknown carer C-NOPE"))
        #expect(refused.stderr.contains("bad.csv:3: date: bad date (expected YYYY-MM-DD)"))
        #expect(refused.stderr.contains("nothing was imported"))

        let plan = try run(["visits", "plan", "--week", "2026-W48"], db)
        #expect(plan.status == 0 && plan.stdout.contains("added"))
        let generated = try run(["roster", "generate", "--all", "--week", "2026-W48", "--iterations", "50", "--quiet"], db)
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout.contains("STAF 2026-W48: draft version 1"))
        let show = try run(["roster", "show", "--hub", "STAF", "--week", "2026-W48"], db)
        #expect(show.status == 0)
        #expect(show.stdout.contains("visits assigned"))
        #expect(show.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        let csv = try run(["roster", "show", "--hub", "STAF", "--week", "2026-W48", "--format", "csv"], db)
        #expect(csv.stdout.hasPrefix("visit,client,carer,start,end,minutes,partners,priority"))
        let published = try run(["roster", "publish", "--hub", "STAF", "--week", "2026-W48", "--version", "1"], db)
        #expect(published.stdout.contains("version 1 published"))
        let exported = try run(["roster", "export", "--hub", "STAF", "--week", "2026-W48", "--out", dir.appendingPathComponent("out").path], db)
        #expect(exported.status == 0, "\(exported.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out/ics").path)
        #expect(!files.isEmpty && files.allSatisfy { $0.hasSuffix(".ics") })
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/html/index.html").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/payroll-STAF-2026-W48.csv").path))
        let notPublished = try run(["roster", "export", "--hub", "CANN", "--week", "2026-W48", "--out", dir.path], db)
        #expect(notPublished.status == 1 && notPublished.stderr.contains("has no published roster"))
        let problem = try run(["problem", "export", "--hub", "STAF", "--week", "2026-W48"], db)
        #expect(problem.stdout.contains("\"format\" : \"carehub.problem/1\""))
    }
}
