import CareStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Errors answer as pages: an unknown address is a 404 page naming no path, a page of another
/// role a 403 page, and nobody signed in is sent to sign in.
@Suite("Error pages")
struct ErrorPageTests {
    @Test func unknownAddressesAndOtherRolesGetPages() async throws {
        let county = try WebCounty(generate: false)
        try await county.app().test(.router) { client in
            let anonymous = WebVisitor(client: client, cookie: nil)
            let missing = try await anonymous.get("/no/such/page")
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "text/html; charset=utf-8")
            #expect(missing.body.contains("<h1>Not Found</h1>") && !missing.body.contains("/no/such/page"))
            let hr = try await WebVisitor.signIn(client, WebCounty.email(.hr))
            let home = try await hr.get("/")
            #expect(home.status == .ok && home.body.contains("Sign out") && home.body.contains(#"href="/reports""#))
        }
    }
}
