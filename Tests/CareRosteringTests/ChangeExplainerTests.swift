import CareModel
import CareRostering
import CareStore
import Testing

/// Each reason of the change explainer on hand-made before and after values: visit 1 was
/// published with A at 09:00 (30 minutes); what the explainer knows decides the reason.
@Suite("Change explainer")
struct ChangeExplainerTests {
    typealias W = RepairWeek

    static let published = W.assignment("1", ["A"], "09:00")
    static let withB = W.assignment("1", ["B"], "09:00")

    static func explainer(
        visits: [Problem.Visit] = [W.visit("1", client: "c1", from: "09:00")], carers: [String] = ["A", "B"], leavers: Set<String> = [],
        absences: [RebalanceRepository.Absence] = [], madeRoom: Set<String> = []
    ) -> ChangeExplainer {
        ChangeExplainer(visits: visits, carers: carers, leavers: leavers, absences: absences, madeRoom: madeRoom)
    }

    static func sickness(_ carer: String, from: String, to: String) -> RebalanceRepository.Absence {
        RebalanceRepository.Absence(carer: carer, kind: "sickness", start: W.at(from), end: W.at(to))
    }

    static let reassigned = VisitChange(visit: "1", kind: .reassigned(from: published, to: withB), start: W.at("09:00"))
    static let dropped = VisitChange(visit: "1", kind: .dropped(published), start: W.at("09:00"))

    @Test func cancelled() {
        #expect(Self.explainer(visits: []).reason(for: Self.dropped) == .cancelled)
        #expect(Self.explainer(visits: []).reason(for: Self.reassigned).description == "cancelled")
    }

    /// Gone from the week's carers, or leaving before the week is out.
    @Test func carerLeft() {
        #expect(Self.explainer(carers: ["B"]).reason(for: Self.reassigned).description == "A left")
        #expect(Self.explainer(leavers: ["A"]).reason(for: Self.reassigned) == .left(carer: "A"))
    }

    /// An absence counts only when it overlaps the visit (09:00–09:30).
    @Test func sickness() {
        let overlapping = Self.explainer(absences: [Self.sickness("B", from: "08:00", to: "12:00"), Self.sickness("A", from: "09:29", to: "12:00")])
        #expect(overlapping.reason(for: Self.reassigned).description == "sickness of A")
        let before = Self.explainer(absences: [Self.sickness("A", from: "07:00", to: "09:00")])
        #expect(before.reason(for: Self.reassigned) == .visitChanged)
    }

    /// Leaving is checked before absence, carer by carer.
    @Test func leftBeforeAbsent() {
        let explainer = Self.explainer(leavers: ["A"], absences: [Self.sickness("A", from: "08:00", to: "12:00")])
        #expect(explainer.reason(for: Self.reassigned) == .left(carer: "A"))
    }

    @Test func pinnedToOthers() {
        let pinned = Self.explainer(visits: [W.visit("1", client: "c1", from: "09:00", pinned: ["B", "D"])])
        #expect(pinned.reason(for: Self.reassigned).description == "pinned to B, D")
        let samePin = Self.explainer(visits: [W.visit("1", client: "c1", from: "09:00", pinned: ["A"])])
        #expect(samePin.reason(for: Self.reassigned).description == "visit time or needs changed")
    }

    /// A kept visit moved to make room says so, whatever else is true of its carers.
    @Test func movedToMakeRoom() {
        #expect(Self.explainer(carers: ["B"], madeRoom: ["1"]).reason(for: Self.reassigned).description == "moved to make room")
    }

    @Test func retimed() {
        let change = VisitChange(visit: "1", kind: .retimed(from: Self.published, to: W.assignment("1", ["A"], "09:20")), start: W.at("09:20"))
        #expect(Self.explainer().reason(for: change).description == "retimed after other changes")
    }

    /// A broken visit nobody could take says why it broke.
    @Test func noCarerFree() {
        let explainer = Self.explainer(absences: [Self.sickness("A", from: "08:00", to: "12:00")])
        #expect(explainer.reason(for: Self.dropped) == .noCarerFree(after: .absent(kind: "sickness", carer: "A")))
        #expect(explainer.reason(for: Self.dropped).description == "sickness of A; no carer free")
    }

    @Test func newVisits() {
        let homeFirst = Self.explainer(visits: [W.visit("1", client: "c1", from: "09:00", priority: .homeFirst)])
        let added = VisitChange(visit: "1", kind: .added(Self.withB), start: W.at("09:00"))
        #expect(homeFirst.reason(for: added).description == "new Home First visit")
        #expect(Self.explainer().reason(for: added).description == "new or previously unassigned visit")
    }

    /// The stored change: action, carers before and after, reason text and notice from now.
    @Test func explainedChanges() {
        let added = VisitChange(visit: "2", kind: .added(W.assignment("2", ["A"], "10:00")), start: W.at("10:00"))
        let changes = Self.explainer(carers: ["B"]).explain([Self.reassigned, Self.dropped, added], now: W.at("06:00"))
        #expect(
            changes == [
                .init(visit: 1, action: .moved, before: ["A"], after: ["B"], start: W.at("09:00"), reason: "A left", noticeMinutes: 180),
                .init(
                    visit: 1, action: .dropped, before: ["A"], after: [], start: W.at("09:00"), reason: "A left; no carer free", noticeMinutes: 180),
                .init(
                    visit: 2, action: .added, before: [], after: ["A"], start: W.at("10:00"), reason: "new or previously unassigned visit",
                    noticeMinutes: 240),
            ])
    }
}
