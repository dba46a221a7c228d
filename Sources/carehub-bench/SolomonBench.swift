import ArgumentParser
import CareModel
import CareSolver
import Foundation
import SolomonBenchmark

/// `carehub-bench solomon`: Solomon's VRPTW instances against the best known distances.
struct SolomonBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solomon",
        abstract: "Solve Solomon VRPTW instances and compare with the best known distances.")

    @Option(help: "Directory with the instances and bks_distance.csv.") var dir = "../shared/benchmarks/solomon"
    @Option(help: "Seconds per instance.") var seconds = 10.0
    @Option(help: "Iteration limit per instance (instead of seconds).") var iterations: Int?
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Comma-separated instance names (default: all).") var instances: String?
    @Option(help: "Start temperature, as a multiple of the mean travel cost per visit.") var startTemperature = SolveParameters(
        stop: .init(maxIterations: 1)
    ).startTemperature
    @Flag(help: "Search with granular local search (SolveParameters.localSearch).") var localSearch = false
    @Option(help: "Local search: neighbours tried per visit.") var localSearchNeighbours: Int?
    @Option(help: "Local search: passes at most.") var localSearchPasses: Int?
    @Option(help: "Go back to the best after this many iterations without a new best.") var restartAfter: Int?
    @Option(help: "Crossover after this many iterations per visit without a new best (SolveParameters.crossoverAfterPerVisit).")
    var crossoverAfter: Double?
    @Flag(help: "No crossover (the search before issue 16's sixth part).") var noCrossover = false
    @Option(help: "Crossover: largest share of the parent's routes copied.") var crossoverShare: Double?
    @Option(help: "Crossover: parents drawn from a pool of this many (SolveParameters.elitePoolSize).") var elitePool: Int?
    @Option(help: "Elite pool: smallest broken-pairs distance between members.") var eliteDistance: Double?
    @Option(help: "... and within this many temperatures of the best cost.")
    var localSearchBestMargin = SolveParameters(stop: .init(maxIterations: 1)).localSearchBestMargin
    @Option(help: "Share of string removals done as split strings (SolveParameters.splitStrings).") var splitStrings: Double?
    @Option(help: "Annealing trajectories at once, one per thread (SolveParameters.trajectories).") var trajectories = 1
    @Option(help: "Iterations between the trajectories' exchanges (SolveParameters.shareEvery).") var shareEvery: Int?
    @Option(help: "End temperature, likewise.") var endTemperature = SolveParameters(stop: .init(maxIterations: 1)).endTemperature

    func run() throws {
        let bks = try loadBKS()
        let names = instances.map { $0.split(separator: ",").map(String.init) } ?? bks.keys.sorted()
        print("| instance | vehicles | distance | best known | gap % | seconds | iterations |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        var gaps: [String: [Double]] = [:]
        for name in names {
            let path = (dir as NSString).appendingPathComponent("\(name).txt")
            guard let text = try? String(contentsOfFile: path, encoding: .utf8), let instance = SolomonInstance(text: text) else {
                throw ValidationError("cannot read Solomon instance \(path)")
            }
            let stop = iterations.map { StoppingCriterion(maxIterations: $0) } ?? StoppingCriterion(maxSeconds: seconds)
            var parameters = SolveParameters(seed: seed, stop: stop)
            parameters.startTemperature = startTemperature
            parameters.endTemperature = endTemperature
            parameters.localSearch = localSearch
            parameters.restartAfter = restartAfter
            if let crossoverAfter { parameters.crossoverAfterPerVisit = crossoverAfter }
            if noCrossover { parameters.crossoverAfterPerVisit = nil }
            if let crossoverShare { parameters.crossoverRouteShare = crossoverShare }
            if let elitePool { parameters.elitePoolSize = elitePool }
            if let eliteDistance { parameters.eliteMinDistance = eliteDistance }
            parameters.trajectories = trajectories
            if let splitStrings { parameters.splitStrings = splitStrings }
            if let shareEvery { parameters.shareEvery = shareEvery }
            parameters.localSearchBestMargin = localSearchBestMargin
            if let localSearchNeighbours { parameters.localSearchNeighbours = localSearchNeighbours }
            if let localSearchPasses { parameters.localSearchPasses = localSearchPasses }
            let result = solve(instance.solverInstance(), parameters: parameters)
            let routes = result.routes.filter { !$0.isEmpty }
            switch instance.check(routes: routes) {
            case .failure(let violation):
                print("| \(name) | \(routes.count) | INFEASIBLE: \(violation) | | | | |")
            case .success(let distance):
                let best = bks[name] ?? .nan
                let gap = (distance - best) / best * 100
                gaps[classOf(name), default: []].append(gap)
                print("| \(name) | \(routes.count) | \(fmt(distance)) | \(fmt(best)) | \(fmt(gap)) | \(fmt(result.seconds)) | \(result.iterations) |")
            }
        }
        print("\n| class | instances | mean gap % |\n|---|---:|---:|")
        var all: [Double] = []
        for cls in gaps.keys.sorted() {
            let g = gaps[cls] ?? []
            all += g
            print("| \(cls) | \(g.count) | \(fmt(g.reduce(0, +) / Double(g.count))) |")
        }
        print("| all | \(all.count) | \(fmt(all.reduce(0, +) / Double(max(1, all.count)))) |")
        let corrected = names.filter { SolomonBestKnown.corrections[$0] != nil }
        if !corrected.isEmpty {
            print("\nBest known replaced (SolomonBestKnown.corrections):")
            for name in corrected { print("- \(name): \(SolomonBestKnown.corrections[name]!.reason)") }
        }
    }

    private func loadBKS() throws -> [String: Double] {
        let path = (dir as NSString).appendingPathComponent("bks_distance.csv")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw ValidationError("cannot read \(path)") }
        return SolomonBestKnown.table(csv: text)
    }

    /// C1, C2, R1, R2, RC1, RC2.
    private func classOf(_ name: String) -> String {
        let letters = name.prefix { $0.isLetter }.uppercased()
        let digit = name.dropFirst(letters.count).prefix(1)
        return letters + digit
    }

    private func fmt(_ x: Double) -> String { String(format: "%.2f", x) }
}
