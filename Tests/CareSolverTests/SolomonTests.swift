import CareSolver
import Foundation
import SolomonBenchmark
import Testing

@Suite("Solomon VRPTW")
struct SolomonTests {
    /// Two of Solomon's instances kept beside the tests (the full set is in ../shared for scripts/bench).
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// The kept instance `name` ("c101" or "r201"), read and parsed.
    static func fixture(_ name: String) throws -> SolomonInstance {
        let text = try String(contentsOf: directory.appendingPathComponent("\(name).txt"), encoding: .utf8)
        return try #require(SolomonInstance(text: text), "\(name).txt is not a Solomon instance")
    }

    /// An instance from ../shared is read, solved with a short fixed budget, and its routes are
    /// feasible in exact arithmetic with every customer served once.
    @Test(arguments: ["c101", "r201"])
    func solvesFeasibly(_ name: String) throws {
        let instance = try Self.fixture(name)
        #expect(instance.nodes.count == 101)
        let result = solve(instance.solverInstance(), parameters: SolveParameters(seed: 1, stop: StoppingCriterion(maxIterations: 300)))
        #expect(result.unassigned.isEmpty)
        let routes = result.routes.filter { !$0.isEmpty }
        #expect(routes.count <= instance.vehicles)
        guard case .success(let distance) = instance.check(routes: routes) else {
            Issue.record("infeasible routes")
            return
        }
        // Rounding to 1/10000 keeps the engine's view within a hair of exact arithmetic.
        #expect(abs(distance - Double(result.travelCost) / SolomonInstance.scale) < 0.05)
    }

    /// The checker rejects a route that breaks capacity.
    @Test func checkerRejectsOverload() throws {
        let instance = try Self.fixture("c101")
        guard case .failure = instance.check(routes: [Array(0..<100)]) else {
            Issue.record("one route with every customer must be infeasible")
            return
        }
    }
}
