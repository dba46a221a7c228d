import CareStore
import CareTestSupport
import CareWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// `carehub serve` over HTTP, against the real PostgreSQL `scripts/test` starts.
@Suite("Web server")
struct ServerTests {
    static func app(_ configuration: ConnectionConfiguration) -> some ApplicationProtocol {
        WebServer.application(
            settings: .init(host: "127.0.0.1", port: 0, connections: 2), pool: DatabasePool(configuration: configuration, size: 2),
            logger: Logger(label: "test"))
    }

    /// Every answer carries the security headers; the front page is HTML that names carehub.
    @Test func frontPageAndSecurityHeaders() async throws {
        let database = try TestDatabase()
        try await Self.app(database.configuration).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let csp = response.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(String(buffer: response.body).contains("<h1>carehub</h1>"))
            }
            try await client.execute(uri: "/no/such/page", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    /// /healthz answers 200 with the schema version while the database answers, 503 when it does not.
    @Test func healthCheckAsksTheDatabase() async throws {
        let database = try TestDatabase()
        try await Self.app(database.configuration).test(.live) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ok: database at schema \(SchemaVersion.required)\n")
            }
        }
        let nowhere = database.configuration.database("carehub_no_such_database")
        try await Self.app(nowhere).test(.live) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body) == "unavailable: the database does not answer\n")
            }
        }
    }

    /// A real Chromium opens the front page and the health check of a live server.
    @Test func chromiumOpensTheFrontPage() async throws {
        let database = try TestDatabase()
        try await Self.app(database.configuration).test(.live) { client in
            let port = try #require(client.port)
            let browser = try await Browser()
            do {
                try await browser.open("http://127.0.0.1:\(port)/")
                #expect(try await browser.title() == "Home · carehub")
                #expect(try await browser.texts("h1") == ["carehub"])
                let png = try await browser.screenshot()
                #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
                try await browser.open("http://127.0.0.1:\(port)/healthz")
                #expect(try await browser.texts("body").first?.hasPrefix("ok: database at schema") == true)
            } catch {
                await browser.close()
                throw error
            }
            await browser.close()
        }
    }
}
