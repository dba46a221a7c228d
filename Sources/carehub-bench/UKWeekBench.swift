import ArgumentParser
import CareModel
import CareSample
import CareSolver
import Foundation

/// `carehub-bench uk`: a generated UK-shaped week, solved and checked, with time and memory,
/// roster quality and continuity; with `--weeks 2`, the next week too, its clients' history
/// filled from the first week's roster (as `roster generate` fills it from published weeks).
struct UKWeekBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uk",
        abstract: "Solve a generated week of the sample county and report time, memory and roster quality.")

    @Option(help: "Hubs in the county.") var hubs = 1
    @Option(name: .customLong("clients-per-hub"), help: "Clients per hub.") var clientsPerHub = 110
    @Option(name: .customLong("candidate-limit"), help: "Candidate shifts kept per visit (default: the compiler's).")
    var candidateLimit: Int?
    @Option(help: "Seconds of search.") var seconds = 10.0
    @Option(help: "Stop after this many iterations instead (for comparing search changes on a busy machine).") var iterations: Int?
    @Option(help: "Random seed (county and search).") var seed: UInt64 = 1
    @Option(help: "ISO week.") var week = "2026-W48"
    @Option(help: "Weeks to solve in turn (1 or 2); the second carries the first's roster as history.") var weeks = 1
    @Flag(help: "The search as before issue 14: no continuity moves, no continuity_visits or new_carer weight, no history.")
    var before = false
    @Option(name: .customLong("weight"), help: "Override a weight, KEY=VALUE (problem file keys); repeatable.") var weightOverrides: [String] = []
    @Option(name: .customLong("continuity-share"), help: "Share of iterations for the continuity moves.") var continuityShare: Double?
    @OptionGroup var search: SearchOptions
    @Flag(name: .customLong("no-run-construction"), help: "Construct visit by visit, not run by run.") var noRunConstruction = false
    @Flag(name: .customLong("no-warm-start"), help: "Week two without previous_carers (last week's carer of each call).")
    var noWarmStart = false

    func validate() throws {
        guard (1...2).contains(weeks) else { throw ValidationError("--weeks: 1 or 2") }
        if let candidateLimit, candidateLimit < 1 { throw ValidationError("--candidate-limit: at least 1") }
    }

    func run() throws {
        guard let isoWeek = ISOWeek(iso: week) else { throw ValidationError("--week: not an ISO week") }
        let clock = ContinuousClock()
        let t0 = clock.now
        let county = SampleCountyGenerator.generate(
            SampleCountySpec(hubs: hubs, clientsPerHub: clientsPerHub, seed: seed, firstWeek: isoWeek, weeks: weeks))
        let generated = clock.now - t0
        print(
            "| week | hubs | carers | visits | generate s | compile s | search s | iterations | roster+check s | peak MiB | coverage % | "
                + "home_first % | travel min | travel share % | carers/client | top-3 share % | new pairs | kept pairs % | valid |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        var previous: (problem: Problem, roster: Roster)?
        for offset in 0..<weeks {
            let thisWeek = ISOWeek(containing: isoWeek.monday.adding(days: 7 * offset))
            let t1 = clock.now
            var problem = try self.problem(county, week: thisWeek)
            if let previous, !before {
                problem.clients = Self.withHistory(problem.clients, from: previous.roster, of: previous.problem)
                if !noWarmStart { problem.visits = Self.withPreviousCarers(problem.visits, from: previous.roster, of: previous.problem) }
            }
            let t2 = clock.now
            let compiled = ProblemCompiler.compile(problem, candidateLimit: candidateLimit ?? ProblemCompiler.candidateLimit)
            let t3 = clock.now
            var parameters = SolveParameters(
                seed: seed, stop: iterations.map { StoppingCriterion(maxIterations: $0) } ?? StoppingCriterion(maxSeconds: seconds))
            parameters.continuityMoves = !before
            search.apply(to: &parameters)
            if let continuityShare { parameters.continuityShare = continuityShare }
            parameters.runConstruction = !noRunConstruction
            parameters.warmStart = !before
            let result = solve(compiled.instance, parameters: parameters)
            let t4 = clock.now
            let roster = RosterBuilder.roster(compiled, result, seed: seed)
            let report = RosterChecker.check(roster, against: problem)
            let t5 = clock.now
            let m = roster.metrics
            let continuity = RosterContinuity(problem: problem, roster: roster)
            let kept = previous.map { String(format: "%.1f", continuity.kept(from: $0.roster, of: $0.problem) * 100) } ?? "–"
            func s(_ d: Duration) -> String { String(format: "%.2f", Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18) }
            func pct(_ part: Int, _ whole: Int) -> String { String(format: "%.1f", Double(part) / Double(max(1, whole)) * 100) }
            let hf = m.coverageByPriority["home_first"]
            print(
                "| \(thisWeek) | \(hubs) | \(problem.carers.count) | \(m.visits) | \(s(offset == 0 ? generated + (t2 - t1) : t2 - t1)) "
                    + "| \(s(t3 - t2)) | \(s(t4 - t3)) | \(result.iterations) | \(s(t5 - t4)) | \(peakMiB()) | \(pct(m.assigned, m.visits)) "
                    + "| \(pct(hf?.assigned ?? 0, hf?.visits ?? 0)) | \(m.travelMinutes) | \(pct(m.travelMinutes, m.paidMinutes + m.travelMinutes)) "
                    + "| \(String(format: "%.2f", continuity.distinctCarersPerClient)) | \(String(format: "%.1f", continuity.topThreeShare * 100)) "
                    + "| \(continuity.newCarerPairs) | \(kept) | \(report.isValid ? "yes" : "NO: \(report.violations.first ?? "")") |")
            previous = (problem, roster)
        }
    }

    /// The week's problem with `--before` and `--weight` applied.
    private func problem(_ county: SampleCounty, week: ISOWeek) throws -> Problem {
        var problem = SampleProblem.make(county, week: week)
        if before {
            problem.weights.continuityVisits = 0
            problem.weights.newCarer = 0
        }
        for pair in weightOverrides {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let key = ObjectiveWeights.keys.first(where: { $0.0 == parts[0] }), let value = Double(parts[1]),
                ObjectiveWeights.range.contains(value)
            else { throw ValidationError("--weight \(pair): expected KEY=VALUE with a weight key of the problem format") }
            problem.weights[keyPath: key.1] = value
        }
        return problem
    }

    /// Each client's history: the carers of the previous roster's visits to them, and how many.
    static func withHistory(_ clients: [Problem.Client], from roster: Roster, of problem: Problem) -> [Problem.Client] {
        let pairs = RosterContinuity(problem: problem, roster: roster).visitsByPair
        var byClient: [String: [Problem.HistoryEntry]] = [:]
        for (pair, visits) in pairs { byClient[pair.client, default: []].append(Problem.HistoryEntry(carer: pair.carer, visits: visits)) }
        return clients.map { client in
            var client = client
            client.history = (byClient[client.id] ?? []).sorted { $0.carer < $1.carer }
            return client
        }
    }

    /// Each visit's `previous_carers`: the carers of the same client's visit with the same window a
    /// week earlier (as `roster generate` reads the same package call on the same weekday).
    static func withPreviousCarers(_ visits: [Problem.Visit], from roster: Roster, of problem: Problem) -> [Problem.Visit] {
        struct Call: Hashable {
            let client: String
            let start: Instant
            let end: Instant
        }
        let byID = Dictionary(uniqueKeysWithValues: problem.visits.map { ($0.id, $0) })
        var carers: [Call: [String]] = [:]
        for a in roster.assignments {
            guard let v = byID[a.visit] else { continue }
            carers[Call(client: v.client, start: v.windowStart, end: v.windowEnd)] = a.carers
        }
        let week = 7 * 1440
        return visits.map { visit in
            var visit = visit
            let call = Call(client: visit.client, start: visit.windowStart.adding(minutes: -week), end: visit.windowEnd.adding(minutes: -week))
            visit.previousCarers = carers[call] ?? []
            return visit
        }
    }

    /// Peak resident memory of this process (Linux VmHWM), in MiB.
    private func peakMiB() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return "?" }
        return String(kb / 1024)
    }
}
