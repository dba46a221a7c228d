import ArgumentParser
import CareModel
import CareSample
import CareSolver
import Foundation

/// `carehub-bench uk`: a generated UK-shaped week, solved and checked, with time and memory.
struct UKWeekBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uk",
        abstract: "Solve a generated week of the sample county and report time, memory and roster quality.")

    @Option(help: "Hubs in the county.") var hubs = 1
    @Option(name: .customLong("clients-per-hub"), help: "Clients per hub.") var clientsPerHub = 110
    @Option(help: "Seconds of search.") var seconds = 10.0
    @Option(help: "Random seed (county and search).") var seed: UInt64 = 1
    @Option(help: "ISO week.") var week = "2026-W48"

    func run() throws {
        guard let isoWeek = ISOWeek(iso: week) else { throw ValidationError("--week: not an ISO week") }
        let clock = ContinuousClock()
        let t0 = clock.now
        let county = SampleCountyGenerator.generate(
            SampleCountySpec(hubs: hubs, clientsPerHub: clientsPerHub, seed: seed, firstWeek: isoWeek, weeks: 1))
        let problem = SampleProblem.make(county, week: isoWeek)
        let t1 = clock.now
        let compiled = ProblemCompiler.compile(problem)
        let t2 = clock.now
        let result = solve(compiled.instance, parameters: SolveParameters(seed: seed, stop: StoppingCriterion(maxSeconds: seconds)))
        let t3 = clock.now
        let roster = RosterBuilder.roster(compiled, result, seed: seed)
        let report = RosterChecker.check(roster, against: problem)
        let t4 = clock.now
        let m = roster.metrics
        func s(_ d: Duration) -> String { String(format: "%.2f", Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18) }
        let coverage = Double(m.assigned) / Double(max(1, m.visits)) * 100
        let travelShare = Double(m.travelMinutes) / Double(max(1, m.paidMinutes + m.travelMinutes)) * 100
        print(
            "| hubs | carers | visits | generate s | compile s | search s | iterations | roster+check s | peak MiB | coverage % | "
                + "home_first % | travel min | travel share % | carers/client | valid |"
        )
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        let hf = m.coverageByPriority["home_first"].map { Double($0.assigned) / Double(max(1, $0.visits)) * 100 } ?? 0
        print(
            "| \(hubs) | \(problem.carers.count) | \(m.visits) | \(s(t1 - t0)) | \(s(t2 - t1)) | \(s(t3 - t2)) | \(result.iterations) | "
                + "\(s(t4 - t3)) | \(peakMiB()) | \(String(format: "%.1f", coverage)) | \(String(format: "%.1f", hf)) | \(m.travelMinutes) "
                + "| \(String(format: "%.1f", travelShare)) | \(m.distinctCarersPerClient) | "
                + "\(report.isValid ? "yes" : "NO: \(report.violations.first ?? "")") |"
        )
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
