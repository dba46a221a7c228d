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
}
