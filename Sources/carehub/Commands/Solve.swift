import ArgumentParser
import CareModel
import CareSolver
import Foundation

/// `carehub solve`: a week's roster from a problem file.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve a carehub.problem/1 file and write a carehub.roster/1 roster.",
        discussion: """
            Deterministic for a given --seed, --iterations and --threads. With --seconds the search stops at that \
            time with the best roster found so far. Progress goes to stderr unless --quiet; the roster \
            goes to stdout or --out. Every roster is re-checked by carehub's independent checker \
            before it is written.
            """)

    @Option(help: "The problem file (carehub.problem/1 JSON).") var problem: String
    @Option(help: "Write the roster here instead of stdout.") var out: String?
    @Option(help: "Stop after this many seconds (default 30 when --iterations is not given).") var seconds: Double?
    @Option(help: "Stop after this many improvement iterations.") var iterations: Int?
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(
        help: ArgumentHelp(
            "Search trajectories run at once, one per thread; every 5,000 iterations the ones behind continue from the cheapest.",
            discussion: """
                Default 1, so that a problem, --seed and --iterations give the same roster on any machine; the \
                roster depends on --threads too. Each trajectory runs all of --iterations, or for all of \
                --seconds, and holds its own copy of the problem's travel matrix. More threads than cores \
                slows every trajectory down.
                """))
    var threads = 1
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        if let seconds, !(seconds > 0) { throw ValidationError("--seconds must be positive") }
        if let iterations, iterations < 0 { throw ValidationError("--iterations must not be negative") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        try reportingFailures {
            let week = try ProblemDecoder.load(path: problem)
            let compiled = ProblemCompiler.compile(week)
            let stop = StoppingCriterion(maxIterations: iterations, maxSeconds: seconds ?? (iterations == nil ? 30 : nil))
            let report: ((SolveProgress) -> Void)? =
                quiet
                ? nil
                : { p in
                    writeError(
                        String(
                            format: "%6.1fs  objective %.1f  assigned %d/%d  iterations %d",
                            p.elapsed, Double(p.bestCost) / Double(CompiledProblem.costScale), p.assigned, p.visits, p.iteration))
                }
            var parameters = SolveParameters(seed: seed, stop: stop)
            parameters.trajectories = threads
            let result = CareSolver.solve(compiled.instance, parameters: parameters, progress: report)
            let roster = RosterBuilder.roster(compiled, result, seed: seed)
            let check = RosterChecker.check(roster, against: week)
            guard check.isValid else {
                throw CommandFailure(
                    "internal error: the roster failed carehub's checker (\(check.violations.first ?? "")); please report this with the problem file")
            }
            let data = try roster.encoded() + Data("\n".utf8)
            if let out {
                try writeAtomically(data, to: out)
            } else {
                FileHandle.standardOutput.write(data)
            }
            if !quiet {
                let m = roster.metrics
                let share = String(format: "%.0f", (m.topThreeShare ?? 0) * 100)
                let late = (m.lateVisits ?? 0) > 0 ? ", \(m.lateVisits ?? 0) late (\(m.lateMinutes ?? 0) min)" : ""
                writeError(
                    "assigned \(m.assigned)/\(m.visits) visits, travel \(m.travelMinutes) min, \(m.distinctCarersPerClient) carers per client "
                        + "(\(share)% of visits by their three most frequent)\(late), objective \(roster.objective.total), "
                        + "\(result.iterations) iterations in \(String(format: "%.1f", result.seconds))s"
                )
            }
        }
    }
}
