import CareStore
import CareTestSupport
import Foundation
import Testing

@Suite("carehub roster show: continuity and lateness")
struct RosterShowCLITests {
    /// Week 1 has no published week before it, so carers new to a client are not known; once it
    /// is published, week 2's draft counts them (as its roster's metrics say), with the share
    /// of visits by each client's three most frequent carers and the late visits.
    @Test func showsSameFacesNewCarersAndLateness() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = ["--database-url", test.conninfo]
        func run(_ args: [String]) throws -> CLIRunner.Output {
            let out = try CLIRunner.run(args + db)
            #expect(out.status == 0, "\(args.joined(separator: " ")): \(out.stderr)")
            return out
        }
        _ = try run(["demo", "seed", "--hubs", "1", "--clients-per-hub", "8", "--week", "2026-W48", "--weeks", "2"])
        for week in ["2026-W48", "2026-W49"] { _ = try run(["visits", "plan", "--week", week]) }
        _ = try run(["roster", "generate", "--all", "--week", "2026-W48", "--iterations", "50", "--quiet"])
        let first = try run(["roster", "show", "--hub", "STAF", "--week", "2026-W48"]).stdout
        #expect(first.contains("carers per client"))
        #expect(first.contains("of each client's visits by their three most frequent carers"))
        #expect(first.contains("  carers new to their client this week: not known (no history)\n"))
        #expect(first.contains("  late visits: none\n"))
        _ = try run(["roster", "publish", "--hub", "STAF", "--week", "2026-W48", "--version", "1"])
        _ = try run(["roster", "generate", "--all", "--week", "2026-W49", "--iterations", "50", "--quiet"])
        let second = try run(["roster", "show", "--hub", "STAF", "--week", "2026-W49"]).stdout
        let json = try run(["roster", "show", "--hub", "STAF", "--week", "2026-W49", "--format", "json"]).stdout
        let metrics = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["metrics"] as? [String: Any])
        let newPairs = try #require(metrics["new_carer_pairs"] as? Int)
        let share = try #require(metrics["top_three_share"] as? Double)
        #expect(second.contains("  carers new to their client this week: \(newPairs)\n"))
        #expect(second.contains("  same faces: \(Int((share * 100).rounded()))% of each client's visits"))
        #expect(second.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }
}
