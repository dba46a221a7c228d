import CareModel
import CareSample
import Foundation
import Testing

@Suite("A hub's slice of a problem")
struct ProblemSliceTests {
    /// A week of the three-hub sample county, whose hubs lend carers to each other.
    static func sample() -> Problem {
        let week = ISOWeek(iso: "2026-W48")!
        let county = SampleCountyGenerator.generate(SampleCountySpec(hubs: 3, clientsPerHub: 10, seed: 4, firstWeek: week, weeks: 1))
        return SampleProblem.make(county, week: week)
    }

    /// The slice keeps the hub's clients and visits and every carer they could need, and it
    /// is a valid problem of its own (it goes through the decoder's validation).
    @Test func sliceIsAValidProblemOfTheHub() throws {
        let problem = Self.sample()
        let hub = problem.hubs[1].id
        let slice = problem.slice(hub: hub, working: [])
        #expect(slice.hubs == problem.hubs)
        #expect(slice.clients == problem.clients.filter { $0.hub == hub })
        #expect(slice.visits == problem.visits.filter { v in slice.clients.contains { $0.id == v.client } })
        let mayWork = problem.carers.filter { $0.hub == hub || $0.lendableTo.contains(hub) }
        #expect(Set(mayWork.map(\.id)).isSubset(of: Set(slice.carers.map(\.id))))
        for client in slice.clients {
            #expect(Set(client.preferredCarers + client.excludedCarers).isSubset(of: Set(slice.carers.map(\.id))))
        }
        let decoded = try ProblemDecoder.decode(try ProblemEncoder.encode(slice), file: "slice")
        #expect(decoded == slice)
    }

    /// A carer the hub's roster names is kept even when nothing else would keep them.
    @Test func workingCarersAreKept() throws {
        let problem = Self.sample()
        let hub = problem.hubs[0].id
        let stranger = try #require(problem.carers.first { $0.hub != hub && !$0.lendableTo.contains(hub) })
        #expect(!problem.slice(hub: hub, working: []).carers.contains { $0.id == stranger.id })
        #expect(problem.slice(hub: hub, working: [stranger.id]).carers.contains { $0.id == stranger.id })
    }
}
