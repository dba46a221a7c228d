import CarePasswords
import CareStore
import CareTestSupport
import CareWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdOTP
import HummingbirdTesting
import Testing

/// The second factor of managers and admins (`/signin/code`), against the real PostgreSQL.
@Suite("Second factor")
struct SecondFactorTests {
    /// Until the code, a manager's session reaches only the code page and sign-out: every other
    /// page, the front page included, sends them to the code page.
    @Test func halfOpenSessionReachesOnlyTheCodePage() async throws {
        let database = try ServerTests.withManager()
        try await ServerTests.app(database.configuration).test(.router) { client in
            let (cookie, location) = try await ServerTests.signIn(client)
            #expect(location == "/signin/code")
            for path in ["/", "/hubs", "/hubs/STAF/weeks/2026-W48/clients/C1", "/signin", "/no/such/page"] {
                try await client.execute(uri: path, method: .get, headers: [.cookie: cookie]) { response in
                    #expect(response.status == .seeOther && response.headers[.location] == "/signin/code", "\(path)")
                }
            }
            let page = try await client.execute(uri: "/signin/code", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            #expect(page.contains("<h1>Enter your code</h1>") && !page.contains("totp-secret"))
            #expect(!page.contains("Signed in as"))
        }
    }

    /// A wrong code is refused with a message beside the field and the session stays half open;
    /// the right code opens it; the same code given again (a second sign-in) is refused.
    @Test func wrongRightAndReplayedCodes() async throws {
        let database = try ServerTests.withManager()
        try await ServerTests.app(database.configuration).test(.router) { client in
            let first = try await ServerTests.signIn(client).cookie
            let right = try ServerTests.code(database)
            let wrong = String(format: "%06d", (Int(right)! + 500_000) % 1_000_000)
            let refused = try await ServerTests.giveCode(client, cookie: first, code: wrong)
            #expect(refused.status == .unauthorized && refused.cookie == nil)
            #expect(refused.body.contains(#"id="code-error""#) && refused.body.contains("not the code for now"))
            #expect(refused.body.contains(#"aria-describedby="code-hint code-error""#))
            try await client.execute(uri: "/", method: .get, headers: [.cookie: first]) { #expect($0.status == .seeOther) }
            let opened = try await ServerTests.giveCode(client, cookie: first, code: right)
            #expect(opened.status == .seeOther)
            let cookie = try #require(opened.cookie)
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            #expect(home.contains("Signed in as <strong>Mia Stafford</strong>"))
            // The code page is done with: back to the front page.
            try await client.execute(uri: "/signin/code", method: .get, headers: [.cookie: cookie]) { #expect($0.headers[.location] == "/") }

            let second = try await ServerTests.signIn(client).cookie
            let replayed = try await ServerTests.giveCode(client, cookie: second, code: right)
            #expect(replayed.status == .unauthorized && replayed.cookie == nil && replayed.body.contains("used already"))
        }
        let failures: Int = try database.connect().query("SELECT count(*) AS n FROM web_sign_in_failures").rows[0].decode("n")
        #expect(failures == 4)  // the wrong and the replayed code, each against the account and the address
    }

    /// Wrong codes count with wrong passwords: after ten failures even the right code is refused.
    @Test func codesAreThrottled() async throws {
        let database = try ServerTests.withManager()
        try await ServerTests.app(database.configuration).test(.router) { client in
            let cookie = try await ServerTests.signIn(client).cookie
            let right = try ServerTests.code(database)
            let wrong = String(format: "%06d", (Int(right)! + 1) % 1_000_000)
            for _ in 0..<10 { #expect(try await ServerTests.giveCode(client, cookie: cookie, code: wrong).status == .unauthorized) }
            let throttled = try await ServerTests.giveCode(client, cookie: cookie, code: right)
            #expect(throttled.status == .tooManyRequests && throttled.body.contains("Too many attempts"))
        }
    }

    /// A manager with no secret is shown one (base32 and an otpauth:// address) and enrols by
    /// confirming a code; the secret is then theirs and the session open.
    @Test func managerWithoutSecretEnrols() async throws {
        let database = try ServerTests.withManager(enrolled: false)
        try await ServerTests.app(database.configuration).test(.router) { client in
            let cookie = try await ServerTests.signIn(client).cookie
            let page = try await client.execute(uri: "/signin/code", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            #expect(page.contains("Set up your second factor") && page.contains(#"id="totp-secret""#))
            #expect(page.contains("otpauth://totp/carehub:mia@staf.example?secret="))
            let offered: String = try database.connect().query("SELECT enrol_secret FROM web_sessions").rows[0].decode("enrol_secret")
            // The page shows the same secret on reload.
            let again = try await client.execute(uri: "/signin/code", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            #expect(again == page)
            let code = String(format: "%06d", TOTP(secret: offered).compute())
            let opened = try await ServerTests.giveCode(client, cookie: cookie, code: code)
            #expect(opened.status == .seeOther && opened.cookie != nil)
            let db = try database.connect()
            let stored: String? = try db.query("SELECT totp_secret FROM people WHERE email = 'mia@staf.example'").rows[0].decode(
                "totp_secret", as: String?.self)
            #expect(stored == offered)
            let left = try db.query("SELECT enrol_secret FROM web_sessions").rows[0].decode("enrol_secret", as: String?.self)
            #expect(left == nil)
        }
    }

    /// HR signs in with the password alone.
    @Test func hrIsNotAsked() async throws {
        let database = try ServerTests.withManager()
        let people = PeopleRepository(try database.connect())
        _ = try people.add(name: "Hana Rees", email: "hana@staf.example", role: .hr, hubCodes: ["STAF"])
        try people.setPasswordHash(
            email: "hana@staf.example", hash: try PasswordHasher(iterations: 1, memoryKiB: 1024).hash("correct horse battery staple"))
        try await ServerTests.app(database.configuration).test(.router) { client in
            let (cookie, location) = try await ServerTests.signIn(client, "hana@staf.example")
            #expect(location == "/")
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            #expect(home.contains("Signed in as <strong>Hana Rees</strong>"))
        }
    }

    /// `people totp-reset` clears the secret (audited) and ends the person's sessions; they enrol again.
    @Test func resetClearsTheSecretAndEndsSessions() async throws {
        let database = try ServerTests.withManager()
        try await ServerTests.app(database.configuration).test(.router) { client in
            let half = try await ServerTests.signIn(client).cookie
            let cookie = try #require(try await ServerTests.giveCode(client, cookie: half, code: try ServerTests.code(database)).cookie)
            let db = try database.connect()
            let audit = "SELECT 1 FROM audit_log WHERE table_name = 'people' AND action = 'update' AND 'totp_secret' = ANY (changed_columns)"
            let before = try db.query(SQLQuery(unsafeSQL: audit)).count
            #expect(try SecondFactorRepository(db).reset(email: "MIA@staf.example"))
            #expect(try !SecondFactorRepository(db).reset(email: "mia@staf.example"))
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            #expect(!home.contains("Signed in as"))
            #expect(try db.query(SQLQuery(unsafeSQL: audit)).count == before + 1)
        }
    }

    /// The codes HummingbirdOTP makes are RFC 6238's (its SHA-1 test vector at 59 s: 94287082).
    @Test func codesFollowRFC6238() {
        #expect(TOTP(secret: "12345678901234567890", length: 8).compute(date: Date(timeIntervalSince1970: 59)) == 94_287_082)
        #expect(SecondFactor.code(secret: "12345678901234567890", step: 1) == 287_082)
    }
}
