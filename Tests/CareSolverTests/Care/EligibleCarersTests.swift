import CareModel
import Testing

@testable import CareSolver

@Suite("Eligible carers")
struct EligibleCarersTests {
    /// A two-hub sample week with every rule that narrows eligibility: carers lent to the other
    /// hub, skills held only from Wednesday to Friday, clients who exclude a carer of their hub
    /// (besides the sample's gender preferences).
    static func narrowedWeek() -> Problem {
        var problem = SolveTests.sampleWeek("2026-W48", hubs: 2, clients: 30, seed: 9)
        let hubs = problem.hubs.map(\.id)
        for k in problem.carers.indices {
            if k % 4 == 1, let other = hubs.first(where: { $0 != problem.carers[k].hub }) { problem.carers[k].lendableTo = [other] }
            if k % 3 == 0, let skill = problem.carers[k].skills.first {
                problem.carers[k].skillDates[skill] = Problem.DateRange(
                    from: problem.weekStart.adding(days: 2), until: problem.weekStart.adding(days: 5))
            }
        }
        for c in problem.clients.indices where c % 5 == 0 {
            if let carer = problem.carers.first(where: { $0.hub == problem.clients[c].hub }) { problem.clients[c].excludedCarers = [carer.id] }
        }
        return problem
    }

    /// The rule written out carer by carer, as the compiler applied it before lists were shared.
    static func reference(_ problem: Problem, _ visit: Problem.Visit, client c: Int) -> [Int] {
        let client = problem.clients[c]
        let zone = ZoneOffsets(identifier: problem.timeZone)
        return problem.carers.indices.filter { k in
            let carer = problem.carers[k]
            return (carer.hub == client.hub || carer.lendableTo.contains(client.hub))
                && visit.skills.allSatisfy {
                    problem.carer(carer, has: $0, at: visit.windowStart, zone: zone) && problem.carer(carer, has: $0, at: visit.windowEnd, zone: zone)
                }
                && !client.excludedCarers.contains(carer.id) && (client.genderPreference.map { carer.gender == $0 } ?? true)
        }
    }

    /// Every visit gets exactly the carers the rule names, ascending, and the compiled instance
    /// allows them (or nobody, where a static reason blocks the visit).
    @Test func equalsTheRuleCarerByCarer() {
        let problem = Self.narrowedWeek()
        let clientIndex = Dictionary(uniqueKeysWithValues: problem.clients.enumerated().map { ($1.id, $0) })
        var eligible = EligibleCarers(problem: problem, zone: ZoneOffsets(identifier: problem.timeZone))
        let compiled = ProblemCompiler.compile(problem)
        // The same week with no dated skills, to show the dates decide some visit.
        var undated = problem
        for k in undated.carers.indices { undated.carers[k].skillDates = [:] }
        var datesDecide = 0
        var excluded = 0
        var lent = 0
        for (v, visit) in problem.visits.enumerated() {
            let c = clientIndex[visit.client]!
            let expected = Self.reference(problem, visit, client: c)
            #expect(eligible.carers(for: visit, client: c) == expected, "visit \(v)")
            #expect(compiled.instance.visits[v].allowedWorkers == (compiled.blockedReasons[v] == nil ? expected : []))
            if expected != Self.reference(undated, visit, client: c) { datesDecide += 1 }
            if expected.contains(where: { problem.carers[$0].hub != problem.clients[c].hub }) { lent += 1 }
            if !problem.clients[c].excludedCarers.isEmpty { excluded += 1 }
        }
        #expect(datesDecide > 0 && excluded > 0 && lent > 0, "\(datesDecide) \(excluded) \(lent)")
    }

    /// Visits asking the same question share one buffer: a week has far fewer distinct lists
    /// than visits, and two visits of one client with the same skills share (no carer of the
    /// sample has a dated skill).
    @Test func equalQuestionsShareOneList() {
        let problem = SolveTests.sampleWeek("2026-W48", hubs: 1, clients: 40, seed: 3)
        let compiled = ProblemCompiler.compile(problem)
        func address(_ list: [Int]) -> UInt { list.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } }
        let lists = compiled.instance.visits.filter { !$0.allowedWorkers.isEmpty }.map(\.allowedWorkers)
        let distinct = Set(lists.map(address))
        #expect(lists.count > 500 && distinct.count * 10 < lists.count, "\(distinct.count) lists for \(lists.count) visits")
        // Two visits of one client without exclusions, with the same skills, share.
        let clientIndex = Dictionary(uniqueKeysWithValues: problem.clients.enumerated().map { ($1.id, $0) })
        let pairs = problem.visits.indices.filter {
            compiled.blockedReasons[$0] == nil && problem.clients[clientIndex[problem.visits[$0].client]!].excludedCarers.isEmpty
        }
        let first = pairs.first!
        let second = pairs.dropFirst().first {
            problem.visits[$0].client == problem.visits[first].client && problem.visits[$0].skills == problem.visits[first].skills
        }!
        #expect(address(compiled.instance.visits[first].allowedWorkers) == address(compiled.instance.visits[second].allowedWorkers))
    }
}
