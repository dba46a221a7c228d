import CareStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every page against every role: each answers its own people (200) and refuses the others
/// (403), and the navigation of each role links only pages that answer it.
@Suite("Pages by role")
struct RolePageTests {
    static let week = "/hubs/STAF/weeks/2026-W48"

    /// Path → the roles it answers with 200; every other role gets 403.
    static func pages(carer: String, client: String) -> [(path: String, roles: Set<PersonRole>)] {
        [
            ("/", Set(PersonRole.allCases)),
            ("/hubs", [.manager]),
            (week, [.manager]),
            (week + "/board", [.manager]),
            (week + "/carers/" + carer, [.manager]),
            (week + "/clients/" + client, [.manager, .scheduler]),
            ("/rebalance", [.manager, .scheduler]),
            ("/reports", [.manager, .hr, .commissioner]),
            ("/hr", [.hr]),
            ("/commissioning", [.commissioner]),
            ("/people", [.manager, .practitioner]),
            ("/people/" + client, [.manager, .practitioner]),
        ]
    }

    @Test func everyPageAnswersItsRolesAndRefusesTheOthers() async throws {
        let county = try WebCounty()
        let (carer, _) = try CarerPageTests.busiestCarer(county)
        let client: String = try county.owner.query(
            "SELECT c.external_id FROM clients c JOIN hubs h ON h.id = c.hub_id WHERE h.code = 'STAF' ORDER BY c.external_id LIMIT 1"
        ).rows[0].decode("external_id")
        let pages = Self.pages(carer: carer, client: client)
        try await county.app().test(.router) { client in
            for role in PersonRole.allCases {
                let visitor = try await WebVisitor.signIn(client, WebCounty.email(role))
                let home = try await visitor.get("/")
                #expect(home.body.contains("id=\"signed-in\""), "\(role) is not signed in")
                for page in pages {
                    let answer = try await visitor.get(page.path)
                    let expected: HTTPResponse.Status = page.roles.contains(role) ? .ok : .forbidden
                    #expect(answer.status == expected, "\(role) \(page.path): \(answer.status)")
                }
                // The header links only what answers this role.
                let linked = Set(home.body.matches(of: #/<li><a href="(/[^"]*)">/#).map { String($0.1) })
                for path in linked {
                    #expect(try await visitor.get(path).status == .ok, "\(role)'s navigation links \(path)")
                }
            }
        }
    }
}
