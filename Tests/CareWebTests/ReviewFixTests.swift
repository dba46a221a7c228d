import CareStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Hostile forms get 400 and 413 pages, not 500s; a carer's record read on the web is audited;
/// a carer who has left can no longer open their old link.
@Suite("Web hardening")
struct HardeningTests {
    @Test func hostileFormsAnswerWithPages() async throws {
        let county = try WebCounty(generate: false)
        try await county.app().test(.router) { client in
            let anonymous = WebVisitor(client: client, cookie: nil)
            let nul = try await anonymous.post("/signin", ["email": "a\u{0}b@web.example", "password": "x"])
            #expect(nul.status == .badRequest && nul.body.contains("<h1>Bad Request</h1>"))
            let huge = try await anonymous.post("/signin", ["email": "a@web.example", "password": String(repeating: "x", count: 70_000)])
            #expect(huge.status == .contentTooLarge && huge.body.contains("too large"))
        }
        #expect(try HubPageTests.count(county.owner, "SELECT 1 FROM web_sign_in_failures") == 0)
    }

    @Test func carerReadsAreAuditedAndLeaversLinksStop() async throws {
        let county = try WebCounty()
        let (carer, _) = try CarerPageTests.busiestCarer(county)
        let token = try #require(try CarerLinkRepository(county.owner).issue(carer: carer))
        nonisolated(unsafe) let owner = county.owner
        try await county.app().test(.router) { client in
            let manager = try await WebVisitor.signIn(client, WebCounty.email(.manager))
            #expect(try await manager.get(CarerPageTests.page(carer)).status == .ok)
            let reads = try HubPageTests.count(
                owner, "SELECT 1 FROM audit_log WHERE action = 'read' AND table_name = 'carers' AND person_id IS NOT NULL")
            #expect(reads == 1)
            let anonymous = WebVisitor(client: client, cookie: nil)
            #expect(try await anonymous.get("/my/\(token)").status == .ok)
            try owner.execute("UPDATE carers SET end_date = current_date - 1 WHERE external_id = \(carer)")
            #expect(try await anonymous.get("/my/\(token)").status == .notFound)
        }
    }
}
