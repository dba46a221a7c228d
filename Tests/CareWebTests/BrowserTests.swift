import CareStore
import Foundation
import Hummingbird
import HummingbirdOTP
import HummingbirdTesting
import Testing

/// A real Chromium through a hub manager's week: sign in, open the board and count its visit
/// blocks against the database, pin a visit, generate a draft and watch its progress, publish,
/// and download a calendar and parse it. Screenshots for the README are written to
/// docs/screenshots when CAREHUB_SCREENSHOTS is set to that folder.
@Suite("Browser")
struct BrowserTests {
    static func signIn(_ browser: Browser, _ base: String, _ email: String) async throws {
        try await browser.open(base + "/signin")
        try await browser.type("#email", email)
        try await browser.type("#password", WebCounty.password)
        try await browser.click("button[type=submit]")
        // Managers, practitioners and administrators give their second factor (WebCounty enrolled
        // its secret). Wait for the next page first: counting before it arrives would find the
        // sign-in page still there, and then wait for a page that needs the code.
        try await browser.wait(for: "#code, #signed-in")
        if try await browser.count("#code") > 0 {
            try await browser.type("#code", String(format: "%06d", TOTP(secret: WebCounty.totpSecret).compute(date: Date())))
            try await browser.click("form[action='/signin/code'] button[type=submit]")
        }
        try await browser.wait(for: "#signed-in")
    }

    static func save(_ png: Data, _ name: String) throws {
        guard let folder = ProcessInfo.processInfo.environment["CAREHUB_SCREENSHOTS"], !folder.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try png.write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
    }

    @Test func managerPinsGeneratesPublishesAndDownloads() async throws {
        let county = try WebCounty()
        nonisolated(unsafe) let owner = county.owner
        try await county.app().test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let week = base + HubPageTests.week
            let browser = try await Browser(width: 1600, height: 1000)
            do {
                try await Self.signIn(browser, base, WebCounty.email(.manager))
                // The board's blocks are the database's assignments.
                try await browser.open(week + "/board")
                let shown =
                    try await browser.execute(
                        "return Array.from(new Set(Array.from(document.querySelectorAll('a.visit')).map(a => a.dataset.visit)));") as? [String] ?? []
                let expected = try HubPageTests.published(owner)
                #expect(shown.count == expected.assigned)
                #expect(try await browser.count("aside.unassigned li") == expected.unassigned)
                try Self.save(try await browser.screenshot(), "board.png")
                // Pin a visit from its page.
                try await browser.click("a.visit")
                try await browser.wait(for: "table.candidates")
                try Self.save(try await browser.screenshot(), "visit.png")
                try await browser.click("table.candidates form button[type=submit]")
                try await browser.wait(for: "p.notice")
                #expect(try await browser.texts("p.notice").first?.hasPrefix("Pinned") == true)
                #expect(try HubPageTests.count(owner, "SELECT 1 FROM visit_pins") == 1)
                // Generate a draft: the progress page follows the run, then links the draft.
                try await browser.open(week)
                _ = try await browser.execute("document.getElementById('seconds').value = '2';")
                try await browser.click("form[action$='/generate'] button[type=submit]")
                try await browser.wait(for: "#progress")
                try await browser.wait(for: "#draft-link", seconds: 60)
                let elapsed = try await browser.texts("#elapsed").first ?? ""
                #expect(elapsed.hasSuffix(" s") && elapsed != "0.0 s")
                #expect(try await browser.texts("#assigned").first?.contains(" of ") == true)
                try await browser.click("#draft-link")
                try await browser.wait(for: "form[action$='/publish']")
                try Self.save(try await browser.screenshot(), "week.png")
                try await browser.click("form[action$='/publish'] button[type=submit]")
                try await browser.wait(for: "p.notice")
                let statuses = try owner.query(
                    "SELECT r.status FROM rosters r JOIN hubs h ON h.id = r.hub_id WHERE h.code = 'STAF' ORDER BY r.version"
                ).rows.map { try $0.decode("status", as: String.self) }
                #expect(statuses == ["superseded", "published"])
                // Download a carer's calendar through the browser and parse it.
                let href = try await browser.execute("return document.querySelector(\"a[href$='.ics']\").getAttribute('href');") as? String ?? ""
                let ics =
                    try await browser.executeAsync(
                        "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", [href]) as? String ?? ""
                let carer = String(href.split(separator: "/").last?.dropLast(4) ?? "")
                let events = ics.components(separatedBy: "BEGIN:VEVENT").count - 1
                let visits = try HubPageTests.count(
                    owner,
                    """
                    SELECT 1 FROM roster_assignments a JOIN rosters r ON r.id = a.roster_id JOIN carers c ON c.id = a.carer_id
                    WHERE r.status = 'published' AND c.external_id = \(carer)
                      AND r.hub_id = (SELECT id FROM hubs WHERE code = 'STAF')
                    """)
                #expect(ics.hasPrefix("BEGIN:VCALENDAR") && ics.contains("END:VCALENDAR"))
                #expect(events == visits && events > 0, "\(carer): \(events) events, \(visits) visits")
            } catch {
                await browser.close()
                throw error
            }
            await browser.close()
        }
    }
}
