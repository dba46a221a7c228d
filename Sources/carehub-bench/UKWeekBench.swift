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
    @Option(help: "Stop after this many iterations instead (for comparing search changes on a busy machine).") var iterations: Int?
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
        if ProcessInfo.processInfo.environment["CAREHUB_COVER"] != nil {  // TEMP analysis
            let inst = compiled.instance
            var byClient: [Int: [Int]] = [:]
            for v in inst.visits.indices where inst.visits[v].workersNeeded == 1 { byClient[inst.visits[v].client, default: []].append(v) }
            var total = 0
            var hist: [Int: Int] = [:]
            for (_, vs) in byClient {
                var left = Set(vs)
                var k = 0
                while !left.isEmpty {
                    var count: [Int: Int] = [:]
                    for v in left { for w in Set(inst.candidateShifts[v].map { inst.shifts[$0].worker }) { count[w, default: 0] += 1 } }
                    guard let best = count.max(by: { $0.value < $1.value }) else { break }
                    k += 1
                    left = left.filter { v in !inst.candidateShifts[v].contains { inst.shifts[$0].worker == best.key } }
                }
                total += k
                hist[k, default: 0] += 1
            }
            print("greedy cover mean", Double(total) / Double(byClient.count), hist.sorted { $0.key < $1.key })
            let visitsPerClient = Double(inst.visits.count) / Double(byClient.count)
            print("visits per client", visitsPerClient)
        }
        let result = solve(compiled.instance, parameters: SolveParameters(seed: seed, stop: iterations.map { StoppingCriterion(maxIterations: $0) } ?? StoppingCriterion(maxSeconds: seconds)))
        let t3 = clock.now
        let roster = RosterBuilder.roster(compiled, result, seed: seed)
        let report = RosterChecker.check(roster, against: problem)
        if ProcessInfo.processInfo.environment["CAREHUB_DUMP"] != nil {  // TEMP analysis
            let byId = Dictionary(uniqueKeysWithValues: problem.visits.map { ($0.id, $0) })
            for c in problem.clients.prefix(6) {
                print("client", c.id)
                for a in roster.assignments where byId[a.visit]?.client == c.id {
                    let v = byId[a.visit]!
                    let shifts = a.carers.map { id in problem.carers.first { $0.id == id }!.shifts.map { "\($0.start.rfc3339(offsetMinutes: 0, zulu: true).dropFirst(8).prefix(8))-\($0.end.rfc3339(offsetMinutes: 0, zulu: true).dropFirst(11).prefix(5))" }.joined(separator: ",") }
                    print("  ", a.start.prefix(16), v.durationMinutes, a.carers, shifts.joined(separator: " / ").prefix(90))
                }
                for u in roster.unassigned where byId[u.visit]?.client == c.id { print("   UNASSIGNED", byId[u.visit]!.windowStart.rfc3339(offsetMinutes: 0, zulu: true), u.reason) }
            }
        }
        let t4 = clock.now
        let m = roster.metrics
        func s(_ d: Duration) -> String { String(format: "%.2f", Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18) }
        let coverage = Double(m.assigned) / Double(max(1, m.visits)) * 100
        let travelShare = Double(m.travelMinutes) / Double(max(1, m.paidMinutes + m.travelMinutes)) * 100
        print(
            "| hubs | carers | visits | generate s | compile s | search s | iterations | roster+check s | peak MiB | coverage % | "
                + "home_first % | travel min | travel share % | carers/client | top-3 share % | valid |"
        )
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        let hf = m.coverageByPriority["home_first"].map { Double($0.assigned) / Double(max(1, $0.visits)) * 100 } ?? 0
        print(
            "| \(hubs) | \(problem.carers.count) | \(m.visits) | \(s(t1 - t0)) | \(s(t2 - t1)) | \(s(t3 - t2)) | \(result.iterations) | "
                + "\(s(t4 - t3)) | \(peakMiB()) | \(String(format: "%.1f", coverage)) | \(String(format: "%.1f", hf)) | \(m.travelMinutes) "
                + "| \(String(format: "%.1f", travelShare)) | \(m.distinctCarersPerClient) | \(String(format: "%.1f", topThreeShare(roster, problem) * 100)) | "
                + "\(report.isValid ? "yes" : "NO: \(report.violations.first ?? "")") |"
        )
    }

    /// Mean over served clients of the share of their carer-visits done by their three most frequent carers.
    private func topThreeShare(_ roster: Roster, _ problem: Problem) -> Double {
        let clientOf = Dictionary(uniqueKeysWithValues: problem.visits.map { ($0.id, $0.client) })
        var counts: [String: [String: Int]] = [:]
        for a in roster.assignments { for c in a.carers { counts[clientOf[a.visit] ?? "", default: [:]][c, default: 0] += 1 } }
        let shares = counts.values.map { byCarer -> Double in
            let sorted = byCarer.values.sorted(by: >)
            return Double(sorted.prefix(3).reduce(0, +)) / Double(sorted.reduce(0, +))
        }
        return shares.isEmpty ? 0 : shares.reduce(0, +) / Double(shares.count)
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
