import CareTestSupport
import Foundation
import Testing

@Suite("carehub import packages and visits plan: late and linked calls")
struct LinkedCallsCLITests {
    /// A package with a time-critical morning call and a lunch call that may be late and follows
    /// it: `visits plan` reports the linked pairs (one per day both are planned); a bad value is
    /// named as FILE:LINE: column and nothing is imported.
    @Test func importPlanAndRefuse() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carehub-links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = ["--database-url", test.conninfo]
        func run(_ args: [String]) throws -> CLIRunner.Output { try CLIRunner.run(args + db) }
        #expect(try run(["demo", "seed", "--hubs", "1", "--clients-per-hub", "4", "--week", "2026-W48", "--weeks", "1"]).status == 0)
        let header =
            "package,client,valid_from,weekday,window_start,window_end,duration_minutes,call,time_critical,late_allowed_minutes,follows,"
            + "min_gap_minutes,max_gap_minutes,different_carers\n"
        let good = dir.appendingPathComponent("packages.csv")
        try
            (header
            + "K-LINK,P-STAF-0001,2026-11-23,Mon,07:30,08:30,20,am,yes,,,,,\n"
            + "K-LINK,P-STAF-0001,2026-11-23,Mon,12:00,13:00,20,lunch,,30,am,240,360,yes\n"
            + "K-LINK,P-STAF-0001,2026-11-23,Tue,07:30,08:30,20,am,yes,,,,,\n"
            + "K-LINK,P-STAF-0001,2026-11-23,Tue,12:00,13:00,20,lunch,,30,am,240,360,yes\n").write(
                to: good, atomically: true, encoding: .utf8)
        let imported = try run(["import", "packages", good.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let plan = try run(["visits", "plan", "--week", "2026-W48"])
        #expect(plan.status == 0 && plan.stdout.contains(", 2 linked pairs"), "\(plan.stdout)\(plan.stderr)")
        let bad = dir.appendingPathComponent("bad.csv")
        try (header + "K-BAD,P-STAF-0001,2026-11-23,Wed,07:30,08:30,20,am,yes,15,,,,\n").write(to: bad, atomically: true, encoding: .utf8)
        let refused = try run(["import", "packages", bad.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.csv:2: late_allowed_minutes: a time-critical call may not start late"))
        #expect(refused.stderr.contains("nothing was imported"))
    }
}
