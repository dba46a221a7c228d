import Foundation
import Testing

@Suite("carehub solve and problem files")
struct SolveCLITests {
    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carehub-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// sample → check → solve → roster check works as documented, and the same seed and
    /// iterations give the same roster bytes (apart from the solver's timing).
    @Test func fileModeRoundTrip() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let problem = dir.appendingPathComponent("week.json").path
        let roster = dir.appendingPathComponent("roster.json").path
        let sample = try CLIRunner.run(["problem", "sample", "--clients-per-hub", "15", "--week", "2026-W48", "--out", problem])
        #expect(sample.status == 0)
        let check = try CLIRunner.run(["problem", "check", problem])
        #expect(check.status == 0)
        #expect(check.stdout.contains("valid carehub.problem/1"))
        let solved = try CLIRunner.run(["solve", "--problem", problem, "--out", roster, "--iterations", "100", "--seed", "3"])
        #expect(solved.status == 0)
        #expect(solved.stderr.contains("assigned "))
        let verified = try CLIRunner.run(["roster", "check", "--problem", problem, "--roster", roster])
        #expect(verified.status == 0)
        #expect(verified.stdout.contains("valid"))
        let again = try CLIRunner.run(["solve", "--problem", problem, "--iterations", "100", "--seed", "3", "--quiet"])
        #expect(again.stderr.isEmpty)
        let first = try String(contentsOfFile: roster, encoding: .utf8)
        #expect(withoutTiming(first) == withoutTiming(again.stdout))
    }

    /// `--threads 2` solves with two trajectories: a checked roster, the same twice for a seed
    /// and iteration limit, and twice the iterations of one thread; `--threads 0` is refused.
    @Test func threadsRunSeveralTrajectories() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let problem = dir.appendingPathComponent("week.json").path
        let roster = dir.appendingPathComponent("roster.json").path
        #expect(try CLIRunner.run(["problem", "sample", "--clients-per-hub", "15", "--week", "2026-W48", "--out", problem]).status == 0)
        let arguments = ["solve", "--problem", problem, "--iterations", "300", "--seed", "2", "--threads", "2"]
        let solved = try CLIRunner.run(arguments + ["--out", roster])
        #expect(solved.status == 0)
        #expect(solved.stderr.contains("600 iterations"), "each of the two trajectories runs all 300 iterations")
        #expect(try CLIRunner.run(["roster", "check", "--problem", problem, "--roster", roster]).status == 0)
        let again = try CLIRunner.run(arguments + ["--quiet"])
        #expect(withoutTiming(try String(contentsOfFile: roster, encoding: .utf8)) == withoutTiming(again.stdout))
        let refused = try CLIRunner.run(["solve", "--problem", problem, "--threads", "0"])
        #expect(refused.status != 0 && refused.stderr.contains("--threads must be at least 1"))
    }

    /// A broken problem lists every issue with file and JSON path, exits 1 and writes no roster.
    @Test func badProblemIsLocated() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let problem = dir.appendingPathComponent("bad.json").path
        let roster = dir.appendingPathComponent("roster.json").path
        let text = """
            {"format":"carehub.problem/1","week_start":"2026-11-23","timezone":"Europe/London","hubs":[],"carers":[],
             "clients":[],"visits":[{"id":"V1","client":"P1","window_start":"2026-11-23T09:00:00+00:00",
             "window_end":"2026-11-23T08:00:00+00:00","duration_minutes":0}]}
            """
        try text.write(toFile: problem, atomically: true, encoding: .utf8)
        let out = try CLIRunner.run(["solve", "--problem", problem, "--out", roster, "--iterations", "10"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("bad.json: visits[0].client: unknown client P1"))
        #expect(out.stderr.contains("bad.json: visits[0].window_end: before window_start"))
        #expect(out.stderr.contains("bad.json: visits[0].duration_minutes: must be positive"))
        #expect(!FileManager.default.fileExists(atPath: roster))
        let malformed = dir.appendingPathComponent("broken.json").path
        try "{ not json".write(toFile: malformed, atomically: true, encoding: .utf8)
        let check = try CLIRunner.run(["problem", "check", malformed])
        #expect(check.status == 1)
        #expect(check.stderr.contains("broken.json: $: not valid JSON"))
        let missing = try CLIRunner.run(["problem", "check", dir.appendingPathComponent("nope.json").path])
        #expect(missing.stderr.contains("nope.json: $: cannot read the file"))
    }

    private func withoutTiming(_ json: String) -> String {
        json.split(separator: "\n").filter { !$0.contains("\"seconds\"") }.joined(separator: "\n")
    }
}
