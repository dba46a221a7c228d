import CareModel
import CareRostering
import CareStore
import Foundation
import Testing

/// The `--json` summary, read back with a real JSON parser, including text that needs escaping.
@Suite("Rebalance summary JSON")
struct RebalanceSummaryTests {
    static let awkward = #"say "hi" \ back"#

    static func summary() -> RebalanceSummary {
        let change = RebalanceRepository.Change(
            visit: 7, action: .moved, before: [#"A"1"#], after: [#"B\2"#], start: RepairWeek.at("09:00"), reason: "sickness of \(awkward)",
            noticeMinutes: 180)
        let week = Rebalance.WeekResult(
            week: ISOWeek(year: 2026, week: 48)!, version: nil, changes: [change], repaired: 1, moved: 0, added: 0, dropped: 0,
            unassigned: [awkward: 2])
        return RebalanceSummary(
            dryRun: true,
            hubs: [
                Rebalance.HubResult(hub: #"ST"AF"#, status: .repaired, weeks: [week]),
                Rebalance.HubResult(hub: "LEEK", status: .nothingToDo, weeks: []),
            ])
    }

    @Test func parsesWithEveryFieldAndEscapedText() throws {
        let text = try Self.summary().json()
        #expect(!text.contains("\n"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["dry_run"] as? Bool == true)
        let hubs = try #require(root["hubs"] as? [[String: Any]])
        #expect(hubs.map { $0["hub"] as? String } == [#"ST"AF"#, "LEEK"])
        #expect(hubs.map { $0["status"] as? String } == ["repaired", "nothing to do"])
        let week = try #require((hubs[0]["weeks"] as? [[String: Any]])?.first)
        #expect(week["week"] as? String == "2026-W48")
        #expect(week["version"] is NSNull)
        #expect(week["repaired"] as? Int == 1 && week["moved"] as? Int == 0 && week["added"] as? Int == 0 && week["dropped"] as? Int == 0)
        #expect(week["unassigned"] as? [String: Int] == [Self.awkward: 2])
        let change = try #require((week["changes"] as? [[String: Any]])?.first)
        #expect(change["visit"] as? Int == 7 && change["action"] as? String == "moved" && change["notice_minutes"] as? Int == 180)
        #expect(change["before"] as? [String] == [#"A"1"#] && change["after"] as? [String] == [#"B\2"#])
        #expect(change["reason"] as? String == "sickness of \(Self.awkward)")
        #expect(Set(change.keys) == ["visit", "action", "before", "after", "reason", "notice_minutes"])
    }

    /// A published week gives its version; keys come out sorted, so the text is stable.
    @Test func publishedVersionAndStableText() throws {
        let week = Rebalance.WeekResult(
            week: ISOWeek(year: 2026, week: 48)!, version: 3, changes: [], repaired: 0, moved: 0, added: 0, dropped: 0, unassigned: [:])
        let text = try RebalanceSummary(dryRun: false, hubs: [Rebalance.HubResult(hub: "STAF", status: .unchanged, weeks: [week])]).json()
        #expect(
            text == """
                {"dry_run":false,"hubs":[{"hub":"STAF","status":"unchanged","weeks":[{"added":0,"changes":[],"dropped":0,"moved":0,\
                "repaired":0,"unassigned":{},"version":3,"week":"2026-W48"}]}]}
                """)
    }
}
