import CareRostering
import Testing

@Suite("Hub groups")
struct HubGroupsTests {
    /// Hubs linked by lending, in either direction or through a third hub, form one group; a
    /// hub with no link is alone; a link to a hub not being generated joins nothing.
    @Test func connectedComponents() {
        let links: [(from: String, to: String)] = [("A", "B"), ("C", "B"), ("E", "D"), ("F", "X")]
        let groups = HubGroups.split(["F", "E", "D", "C", "B", "A"], links: links)
        #expect(groups == [["A", "B", "C"], ["D", "E"], ["F"]])
    }

    /// One group keeps the run's seed; with several, a group's seed depends on its hubs and the
    /// run's seed only, and differs between groups.
    @Test func seeds() {
        #expect(HubGroups.seed(7, group: ["A", "B"], groups: 1) == 7)
        let a = HubGroups.seed(7, group: ["A"], groups: 2)
        #expect(a == HubGroups.seed(7, group: ["A"], groups: 5))
        #expect(a != HubGroups.seed(7, group: ["B"], groups: 2))
        #expect(a != HubGroups.seed(8, group: ["A"], groups: 2))
    }

    /// Time is shared in proportion to visits and adds up to the run's seconds.
    @Test func secondsShares() {
        let shares = [300, 100, 0].map { HubGroups.seconds(8, visits: $0, of: 400, groups: 3) }
        #expect(shares == [6, 2, 0])
        #expect(HubGroups.seconds(8, visits: 0, of: 0, groups: 2) == 4)
        #expect(HubGroups.seconds(8, visits: 10, of: 400, groups: 1) == 8)
    }

    /// Lanes take the largest group first, each to the lane with the fewest visits so far; one
    /// thread is one lane of every group; more threads than groups leave no empty lane.
    @Test func lanes() {
        #expect(HubGroups.lanes(visits: [900, 300, 300, 200, 100], threads: 2) == [[0], [1, 2, 3, 4]])
        #expect(HubGroups.lanes(visits: [100, 500, 400, 300], threads: 2) == [[0, 1], [2, 3]])
        #expect(HubGroups.lanes(visits: [5, 6, 7], threads: 1) == [[0, 1, 2]])
        #expect(HubGroups.lanes(visits: [5, 6], threads: 8) == [[1], [0]])
        #expect(HubGroups.lanes(visits: [], threads: 2) == [])
        // Empty groups go where the load is least; the largest group is always in the first
        // lane (the one that reports progress).
        #expect(HubGroups.lanes(visits: [0, 0, 5], threads: 2) == [[2], [0, 1]])
        #expect(HubGroups.lanes(visits: [4, 4, 4, 4], threads: 2) == [[0, 2], [1, 3]])
    }
}
