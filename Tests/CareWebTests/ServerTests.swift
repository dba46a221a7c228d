import CarePasswords
import CareStore
import CareTestSupport
import CareWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdOTP
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

    /// Every answer carries the security headers, errors included; the front page names carehub.
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

    /// A database with one hub and a manager whose password is `password`, enrolled for the
    /// second factor unless `enrolled` is false.
    static func withManager(password: String = "correct horse battery staple", enrolled: Bool = true) throws -> TestDatabase {
        let database = try TestDatabase()
        let db = try database.connect()
        try db.execute("INSERT INTO hubs (code, name, latitude, longitude) VALUES ('STAF', 'Stafford', 52.8, -2.1)")
        let people = PeopleRepository(db)
        let id = try people.add(name: "Mia Stafford", email: "mia@staf.example", role: .manager, hubCodes: ["STAF"])
        try people.setPasswordHash(email: "mia@staf.example", hash: try PasswordHasher(iterations: 1, memoryKiB: 1024).hash(password))
        if enrolled { try SecondFactorRepository(db).enrol(personID: id, secret: "mia-second-factor-secret-2026", step: nil) }
        return database
    }

    /// The current code (`steps` later) of the secret the database holds for the person with `email`.
    static func code(_ database: TestDatabase, _ email: String = "mia@staf.example", steps: Int = 0) throws -> String {
        let secret: String = try database.connect().query("SELECT totp_secret FROM people WHERE email = \(email)").rows[0].decode("totp_secret")
        let at = Date(timeIntervalSince1970: Date().timeIntervalSince1970 + Double(30 * steps))
        return String(format: "%06d", TOTP(secret: secret).compute(date: at))
    }

    /// Posts the password form; returns the session cookie and where the answer sends the browser.
    static func signIn(_ client: some TestClientProtocol, _ email: String = "mia@staf.example", password: String = "correct horse battery staple")
        async throws -> (cookie: String, location: String?)
    {
        try await client.execute(uri: "/signin", method: .post, headers: sameOrigin, body: form(["email": email, "password": password])) {
            (String(($0.headers[.setCookie] ?? "").split(separator: ";")[0]), $0.headers[.location])
        }
    }

    /// Posts a code on the code page with the session's form token: status, body and the new cookie.
    static func giveCode(_ client: some TestClientProtocol, cookie: String, code: String) async throws -> (
        status: HTTPResponse.Status, body: String, cookie: String?
    ) {
        let page = try await client.execute(uri: "/signin/code", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
        let csrf = String(page.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1 ?? "")
        var headers = sameOrigin
        headers[.cookie] = cookie
        return try await client.execute(uri: "/signin/code", method: .post, headers: headers, body: form(["csrf": csrf, "code": code])) {
            ($0.status, String(buffer: $0.body), $0.headers[.setCookie].map { String($0.split(separator: ";")[0]) })
        }
    }

    static func form(_ fields: [String: String]) -> ByteBuffer { WebVisitor.form(fields) }

    static let sameOrigin: HTTPFields = [.origin: "http://localhost", .contentType: "application/x-www-form-urlencoded"]

    /// Signing in sets an HttpOnly, SameSite=Strict cookie; a manager then gives their code and
    /// gets a new cookie (the first one stops working); the front page then names the person;
    /// signing out needs the form's token and ends the session.
    @Test func signInAndOut() async throws {
        let database = try Self.withManager()
        try await Self.app(database.configuration).test(.router) { client in
            let halfOpen = try await client.execute(
                uri: "/signin", method: .post, headers: Self.sameOrigin,
                body: Self.form(["email": "MIA@staf.example", "password": "correct horse battery staple"])
            ) { response -> String in
                #expect(response.status == .seeOther && response.headers[.location] == "/signin/code")
                let set = response.headers[.setCookie] ?? ""
                #expect(set.contains("HttpOnly") && set.contains("SameSite=Strict") && set.contains("Path=/"))
                return String(set.split(separator: ";")[0])
            }
            let opened = try await Self.giveCode(client, cookie: halfOpen, code: try Self.code(database))
            #expect(opened.status == .seeOther)
            let cookie = try #require(opened.cookie)
            #expect(cookie != halfOpen)
            let stale = try await client.execute(uri: "/", method: .get, headers: [.cookie: halfOpen]) { String(buffer: $0.body) }
            #expect(!stale.contains("Signed in as"))
            let page = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            #expect(page.contains("Signed in as <strong>Mia Stafford</strong>") && page.contains("Hubs: STAF"))
            let csrf = try #require(page.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1)
            var headers = Self.sameOrigin
            headers[.cookie] = cookie
            try await client.execute(uri: "/signout", method: .post, headers: headers, body: Self.form(["csrf": "forged"])) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/signout", method: .post, headers: headers, body: Self.form(["csrf": String(csrf)])) {
                #expect($0.status == .seeOther && $0.headers[.location] == "/signin")
            }
            let after = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            #expect(!after.contains("Signed in as"))
        }
        let audit = try database.connect().query("SELECT action FROM audit_log WHERE table_name = 'web_sessions' ORDER BY id").rows
        #expect(try audit.map { try $0.decode("action", as: String.self) } == ["sign-in", "sign-out"])
    }

    /// A wrong password and an unknown account get the same answer beside the form; after ten
    /// failures the account is refused even with the right password; a form from another origin
    /// is refused before anything is checked.
    @Test func failedSignInsAreThrottled() async throws {
        let database = try Self.withManager()
        try await Self.app(database.configuration).test(.router) { client in
            for email in ["mia@staf.example", "nobody@staf.example"] {
                try await client.execute(
                    uri: "/signin", method: .post, headers: Self.sameOrigin, body: Self.form(["email": email, "password": "wrong password!"])
                ) { response in
                    #expect(response.status == .unauthorized)
                    #expect(String(buffer: response.body).contains("do not match an active account"))
                    #expect(response.headers[.setCookie] == nil)
                }
            }
            for _ in 0..<9 {
                try await client.execute(
                    uri: "/signin", method: .post, headers: Self.sameOrigin,
                    body: Self.form(["email": "mia@staf.example", "password": "wrong password!"])
                ) { #expect($0.status == .unauthorized) }
            }
            try await client.execute(
                uri: "/signin", method: .post, headers: Self.sameOrigin,
                body: Self.form(["email": "mia@staf.example", "password": "correct horse battery staple"])
            ) { #expect($0.status == .tooManyRequests) }
            var foreign = Self.sameOrigin
            foreign[.origin] = "https://evil.example"
            try await client.execute(
                uri: "/signin", method: .post, headers: foreign, body: Self.form(["email": "x@y.z", "password": "whatever"])
            ) { #expect($0.status == .forbidden) }
        }
    }

    /// Disabling a person ends their sessions at once.
    @Test func disabledPersonsSessionStops() async throws {
        let database = try Self.withManager()
        try await Self.app(database.configuration).test(.router) { client in
            let halfOpen = try await Self.signIn(client).cookie
            let cookie = try #require(try await Self.giveCode(client, cookie: halfOpen, code: try Self.code(database)).cookie)
            #expect(try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }.contains("Signed in"))
            try PeopleRepository(try database.connect()).disable(email: "mia@staf.example")
            #expect(!(try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }.contains("Signed in")))
        }
    }

    /// A real Chromium signs in through the form of a live server and sees who it is.
    @Test func chromiumSignsIn() async throws {
        let database = try Self.withManager()
        try await Self.app(database.configuration).test(.live) { client in
            let port = try #require(client.port)
            let browser = try await Browser()
            do {
                try await browser.open("http://127.0.0.1:\(port)/signin")
                #expect(try await browser.title() == "Sign in · carehub")
                try await browser.type("#email", "mia@staf.example")
                try await browser.type("#password", "correct horse battery staple")
                try await browser.click("button[type=submit]")
                #expect(try await browser.title() == "Enter your code · carehub")
                try await browser.type("#code", try Self.code(database))
                try await browser.click("form.signin button[type=submit]")
                // The code form's answer is a redirect: wait (up to 5 s) for the front page it leads to.
                var signedIn = try await browser.texts("#signed-in")
                for _ in 0..<50 where signedIn.isEmpty {
                    try await Task.sleep(for: .milliseconds(100))
                    signedIn = try await browser.texts("#signed-in")
                }
                let shown = try await browser.texts("body")
                #expect(signedIn == ["Signed in as Mia Stafford, hub manager."], "the page shows \(shown)")
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
