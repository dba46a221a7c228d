import CareStore
import Foundation
import HummingbirdTesting
import Testing

/// A real Chromium at a phone's size opens a carer's own link on a live server: no sign-in, one
/// entry per visit of theirs, the calendar subscription offered. Its screenshot is the README's
/// picture of the phone view (`docs/screenshots/carer-phone.png`, written when CAREHUB_SCREENSHOTS names that folder).
@Suite("Carer phone view in a browser")
struct CarerPhoneBrowserTests {
    @Test func phoneOpensTheLink() async throws {
        let county = try WebCounty()
        let (carer, visits) = try CarerPageTests.busiestCarer(county)
        let token = try #require(try CarerLinkRepository(county.owner).issue(carer: carer))
        try await county.app().test(.live) { client in
            let port = try #require(client.port)
            let browser = try await Browser(width: 390, height: 844)
            do {
                try await browser.open("http://127.0.0.1:\(port)/my/\(token)")
                #expect(try await browser.title() == "Your visits · carehub")
                #expect(try await browser.texts("li.carer-visit").count == visits)
                let subscribe = try await browser.texts(".subscribe a")
                #expect(subscribe.first == "Add to my calendar")
                let png = try await browser.screenshot()
                #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
                try BrowserTests.save(png, "carer-phone.png")
            } catch {
                await browser.close()
                throw error
            }
            await browser.close()
        }
    }
}
