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
    @OptionGroup var search: SearchOptions

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
            search.apply(to: &parameters)
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
