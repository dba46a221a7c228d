import CareModel
import CareSample
import Testing

@testable import CareSolver

@Suite("Solving whole weeks")
struct SolveTests {
    static func sampleWeek(_ week: String, hubs: Int = 1, clients: Int = 25, seed: UInt64 = 5) -> Problem {
        let w = ISOWeek(iso: week)!
        let county = SampleCountyGenerator.generate(SampleCountySpec(hubs: hubs, clientsPerHub: clients, seed: seed, firstWeek: w, weeks: 1))
        return SampleProblem.make(county, week: w)
    }

    /// Rosters for generated weeks pass the independent checker, including both clock-change
    /// weeks of 2026 and a two-hub week with lending.
    @Test(arguments: ["2026-W48", "2026-W13", "2026-W43"])
    func generatedWeeksAreValid(_ week: String) {
        let problem = Self.sampleWeek(week)
        let roster = solveRoster(problem, iterations: 200)
        #expect(RosterChecker.check(roster, against: problem).violations == [])
        #expect(roster.assignments.count + roster.unassigned.count == problem.visits.count)
        #expect(roster.metrics.assigned > problem.visits.count / 2)
    }

    /// Random instances of several sizes and seeds all produce valid rosters.
    @Test(arguments: [(UInt64(1), 2, 15), (UInt64(2), 1, 40), (UInt64(3), 3, 10)])
    func randomInstancesAreValid(_ spec: (UInt64, Int, Int)) {
        let problem = Self.sampleWeek("2026-W48", hubs: spec.1, clients: spec.2, seed: spec.0)
        let roster = solveRoster(problem, seed: spec.0, iterations: 150)
        #expect(RosterChecker.check(roster, against: problem).violations == [])
    }

    /// On the autumn clock-change Sunday, times before 02:00 are written in BST and after in GMT.
    @Test func clockChangeOffsets() {
        let problem = Self.sampleWeek("2026-W43")
        let roster = solveRoster(problem, iterations: 50)
        let sunday = roster.assignments.filter { $0.start.hasPrefix("2026-10-25") }
        #expect(!sunday.isEmpty)
        #expect(sunday.allSatisfy { $0.start.hasSuffix("+00:00") })
        let saturday = roster.assignments.filter { $0.start.hasPrefix("2026-10-24") }
        #expect(!saturday.isEmpty && saturday.allSatisfy { $0.start.hasSuffix("+01:00") })
    }

    /// The same seed and iteration limit give the same roster; solver timing aside.
    @Test func deterministicForSeed() {
        let problem = Self.sampleWeek("2026-W48")
        var a = solveRoster(problem, seed: 9, iterations: 150)
        var b = solveRoster(problem, seed: 9, iterations: 150)
        a.solver.seconds = 0
        b.solver.seconds = 0
        #expect(a == b)
    }

    /// Search improves on construction: more iterations never give a worse best objective.
    @Test func searchImproves() {
        let problem = Self.sampleWeek("2026-W48", clients: 40)
        let start = solveRoster(problem, iterations: 0).objective.total
        let later = solveRoster(problem, iterations: 400).objective.total
        #expect(later < start)
    }

    /// A time limit alone stops the search and still returns a checked roster (anytime).
    @Test func timeLimitStops() {
        let problem = Self.sampleWeek("2026-W48")
        let compiled = ProblemCompiler.compile(problem)
        let result = solve(compiled.instance, parameters: SolveParameters(seed: 1, stop: StoppingCriterion(maxSeconds: 0.2)))
        let roster = RosterBuilder.roster(compiled, result, seed: 1)
        #expect(RosterChecker.check(roster, against: problem).violations == [])
    }

    /// After any sequence of ruins, recreates and undos the incremental objective equals a full
    /// recomputation: this guards every cached value of the search.
    @Test func incrementalCostMatchesRecomputation() {
        let problem = Self.sampleWeek("2026-W48", clients: 30)
        let instance = ProblemCompiler.compile(problem).instance
        let solution = SearchSolution(instance)
        var rng = SplitMix64(seed: 4)
        var buffer: [Candidate] = []
        _ = Recreate().recreate(Array(instance.visits.indices), in: solution, order: .random, rng: &rng, buffer: &buffer)
        #expect(solution.cost == solution.recomputedCost() && solution.countsMatch())
        for step in 0..<200 {
            let removed = step % 3 == 0 ? RandomRemoval().ruin(solution, rng: &rng) : StringRemoval().ruin(solution, rng: &rng)
            #expect(solution.cost == solution.recomputedCost() && solution.countsMatch())
            let placed = Recreate().recreate(
                removed.map(\.0) + solution.unassigned.prefix(2), in: solution, order: .tightWindowFirst, rng: &rng, buffer: &buffer)
            #expect(solution.cost == solution.recomputedCost() && solution.countsMatch())
            if step % 2 == 0 {
                for v in placed.reversed() { solution.remove(v) }
                for (v, restore) in removed.reversed() { solution.apply(v, restore) }
                #expect(solution.cost == solution.recomputedCost() && solution.countsMatch())
            }
            for s in instance.shifts.indices { #expect(solution.meetsBreakRule(s)) }
        }
    }
}
