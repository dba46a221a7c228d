import CareModel
import CareSolver
import Foundation
import Testing

/// What the fuzz target (fuzz/Sources/FuzzProblem) does with one input: decode and validate,
/// then compile for the engine and check an empty roster and a naive one (each visit to the
/// first carers at its window start) against a valid problem. Returns the issues, or [] when valid.
func fuzzProblemPath(_ data: Data) throws -> [String] {
    let problem: Problem
    do {
        problem = try ProblemDecoder.decode(data, file: "week.json")
    } catch let error as ProblemError {
        return error.issues.map(\.description)
    }
    _ = ProblemCompiler.compile(problem)
    let ids = problem.carers.map(\.id)
    let naive = problem.visits.map { v in
        Roster.Assignment(visit: v.id, carers: Array(ids.prefix(v.carers)), start: v.windowStart.rfc3339(offsetMinutes: 0))
    }
    for assignments in [[], naive] {
        let roster = Roster(
            assignments: assignments, unassigned: [],
            objective: .init(total: 0, unassigned: 0, travel: 0, continuity: 0, preference: 0, shortfall: 0),
            metrics: .init(
                visits: 0, assigned: 0, unassignedVisits: 0, travelMinutes: 0, paidMinutes: 0, distinctCarersPerClient: 0,
                preferenceMisses: 0, shortfallMinutes: 0, coverageByPriority: [:]),
            solver: .init(seed: 0, seconds: 0, iterations: 0))
        _ = RosterChecker.check(roster, against: problem)
    }
    return []
}

@Suite("Problem decoder under fuzzing")
struct ProblemFuzzTests {
    static let fuzz = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fuzz")

    static func files(_ folder: String) throws -> [(name: String, data: Data)] {
        let dir = fuzz.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }.sorted().map {
            ($0, try Data(contentsOf: dir.appendingPathComponent($0)))
        }
    }

    /// Every seed is a valid problem, so the fuzzer starts past validation.
    @Test func everySeedIsValid() throws {
        let seeds = try Self.files("corpus/problem")
        #expect(!seeds.isEmpty)
        for seed in seeds { #expect(try fuzzProblemPath(seed.data) == [], "\(seed.name)") }
    }

    /// Every input that once crashed the fuzz target now decodes or is refused with a ProblemError.
    @Test func fuzzRegressionsDoNotCrash() throws {
        for input in try Self.files("regressions/problem") { _ = try fuzzProblemPath(input.data) }
    }

    /// The three values that once trapped compiling or checking are refused at the door, by name.
    @Test(arguments: [
        ("travel-speed-1e-300.json", "travel: speed_kmh must be within 1.0…200.0 and road_factor within 1.0…5.0"),
        ("weight-1e300.json", "weights.travel: must be within 0…1000000"),
        ("contracted-int-max.json", "carers[0].contracted_minutes: must be within 0…10080 (a week)"),
    ])
    func crashInputsAreRefused(_ input: (file: String, issue: String)) throws {
        let data = try #require(try Self.files("regressions/problem").first { $0.name == input.file }?.data)
        #expect(try fuzzProblemPath(data).first == input.issue)
    }
}
