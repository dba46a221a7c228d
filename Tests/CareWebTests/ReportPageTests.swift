import CareModel
import CareReports
import CareSample
import CareStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CareWeb

/// HR's and commissioners' report pages against the real database: every report of each role
/// answers with its tables, other roles' reports are refused, another hub is not found, the
/// downloads carry the page's figures, bad days come back as the form, and no page needs inline
/// style or script.
@Suite("Report pages", .serialized)
struct ReportPageTests {
    /// The 12 months the sample history covers, by month.
    static let days = "from=2025-12-01&to=2026-11-29"

    /// Each report HR may open (and only those) answers 200 with a captioned table and its
    /// picker; nothing on the pages needs inline style or script.
    @Test func everyHRReportAnswersWithItsTable() async throws {
        let county = try WebCounty.withHistory()
        try await county.app().test(.router) { client in
            let hr = try await WebVisitor.signIn(client, WebCounty.email(.hr))
            try await Self.expectEveryReport(hr, role: .hr)
        }
    }

    /// The same for a commissioner, whose market and BCF reports run through the twins.
    @Test func everyCommissionerReportAnswersWithItsTable() async throws {
        let county = try WebCounty.withHistory()
        try await county.app().test(.router) { client in
            let commissioner = try await WebVisitor.signIn(client, WebCounty.email(.commissioner))
            try await Self.expectEveryReport(commissioner, role: .commissioner)
        }
    }

    /// The index lists exactly the role's reports; each page is 200 with its tables, captions,
    /// column scopes, labelled pickers and download links, and no inline style or script.
    static func expectEveryReport(_ visitor: WebVisitor, role: PersonRole) async throws {
        let index = try await visitor.get("/reports")
        #expect(index.status == .ok)
        expectNoInlineStyleOrScript(index.body)
        let listed = Set(index.body.matches(of: /href="\/reports\/([a-z0-9-]+)"/).map { String($0.1) })
        let expected = Set(ReportCatalogue.reports(for: role).flatMap(\.reports).map(\.rawValue))
        #expect(listed == expected)
        #expect(!expected.isEmpty)
        for name in expected.sorted() {
            let page = try await visitor.get("/reports/\(name)?\(days)")
            #expect(page.status == .ok, "\(name)")
            #expect(page.body.contains(#"<table class="report"#) && page.body.contains("<caption>"), "\(name)")
            #expect(page.body.contains(#"<th scope="col">"#), "\(name)")
            #expect(page.body.contains(#"<label for="from">"#) && page.body.contains(#"<input type="date" id="from""#), "\(name)")
            #expect(page.body.contains("/reports/\(name).csv?") && page.body.contains("/reports/\(name).json?"), "\(name)")
            #expect(!page.body.contains("report_"), "\(name): no SQL names on the page")
            expectNoInlineStyleOrScript(page.body)
        }
    }

    /// The Content-Security-Policy allows no inline style or script: no `style="` attribute, no
    /// `<style>` element, and every `<script>` loads a file.
    static func expectNoInlineStyleOrScript(_ page: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!page.contains("style=\""), sourceLocation: sourceLocation)
        #expect(!page.contains("<style"), sourceLocation: sourceLocation)
        for tag in page.components(separatedBy: "<script").dropFirst() {
            #expect(tag.prefix(while: { $0 != ">" }).contains("src="), sourceLocation: sourceLocation)
        }
    }

    /// A commissioner asking for a workforce report is refused (403), HR asking for a market
    /// report too; an unknown report, or one that is not on the web, is not found.
    @Test func reportsOfOtherRolesAreRefused() async throws {
        let county = try WebCounty(generate: false)
        try await county.app().test(.router) { client in
            let commissioner = try await WebVisitor.signIn(client, WebCounty.email(.commissioner))
            for uri in ["/reports/turnover", "/reports/turnover.csv?\(Self.days)", "/reports/funnel", "/hr"] {
                let refused = try await commissioner.get(uri)
                #expect(refused.status == .forbidden, "\(uri)")
                #expect(refused.body.contains("<h1>Forbidden</h1>"))
            }
            let hr = try await WebVisitor.signIn(client, WebCounty.email(.hr))
            for uri in ["/reports/waiting", "/reports/reablement-91.json", "/reports/roster-retention", "/commissioning"] {
                #expect(try await hr.get(uri).status == .forbidden, "\(uri)")
            }
            for uri in ["/reports/no-such-report", "/reports/capacity", "/reports/turnover.xml"] {
                let missing = try await hr.get(uri)
                #expect(missing.status == .notFound, "\(uri)")
                #expect(missing.body.contains("<h1>Not Found</h1>") && !missing.body.contains("Fatal error"))
            }
            let scheduler = try await WebVisitor.signIn(client, WebCounty.email(.scheduler))
            #expect(try await scheduler.get("/reports").status == .forbidden)
            let anonymous = WebVisitor(client: client, cookie: nil)
            let away = try await anonymous.get("/reports/turnover")
            #expect(away.status == .seeOther && away.headers[.location] == "/signin")
        }
    }

    /// HR and a manager of STAF asking for CANN's figures get a 404 (CANN is not one of their
    /// hubs), never CANN's rows; without a hub, only their own hub and `ALL` appear.
    @Test func anotherHubIsNotFound() async throws {
        let county = try WebCounty.withHistory()
        try await county.app().test(.router) { client in
            for email in [WebCounty.email(.hr), WebCounty.email(.manager)] {
                let visitor = try await WebVisitor.signIn(client, email)
                let other = try await visitor.get("/reports/turnover?\(Self.days)&hub=CANN")
                #expect(other.status == .notFound, "\(email)")
                #expect(!other.body.contains(#"<th scope="col">CANN</th>"#))
                #expect(try await visitor.get("/reports/turnover.csv?\(Self.days)&hub=CANN").status == .notFound)
                // Vacancies cross join every hub: CANN's row of zeros is not shown as CANN's figures.
                for name in ["turnover", "vacancies"] {
                    let own = try await visitor.get("/reports/\(name)?\(Self.days)")
                    #expect(own.status == .ok && own.body.contains(#"<th scope="col">STAF</th>"#), "\(name)")
                    #expect(!own.body.contains(#"<th scope="col">CANN</th>"#) && !own.body.contains(#"<option value="CANN""#), "\(name)")
                    let csv = try await visitor.get("/reports/\(name).csv?\(Self.days)")
                    #expect(csv.status == .ok && csv.body.contains(",STAF,") && !csv.body.contains("CANN"), "\(name)")
                }
                let chosen = try await visitor.get("/reports/turnover?\(Self.days)&hub=STAF")
                #expect(chosen.status == .ok && chosen.body.contains(#"<option value="STAF" selected>"#))
            }
            // The manager reads the market and their published rosters too.
            let manager = try await WebVisitor.signIn(client, WebCounty.email(.manager))
            #expect(try await manager.get("/reports/waiting?\(Self.days)").status == .ok)
            let rosters = try await manager.get("/reports/roster-retention?from=2026-11-23&to=2026-11-29")
            #expect(rosters.status == .ok && rosters.body.contains("<caption>"))
            let commissioner = try await WebVisitor.signIn(client, WebCounty.email(.commissioner))
            let cann = try await commissioner.get("/reports/waiting?\(Self.days)&hub=CANN")
            #expect(cann.status == .ok && !cann.body.contains(#"<th scope="col">STAF</th>"#))
            #expect(try await commissioner.get("/reports/waiting?\(Self.days)&hub=NOPE").status == .notFound)
        }
    }

    /// The CSV download is an attachment whose rows are the page's figures: the same periods
    /// and hubs, and each rate as the page shows it; the JSON has as many rows.
    @Test func downloadsCarryThePageFigures() async throws {
        let county = try WebCounty.withHistory()
        try await county.app().test(.router) { client in
            let hr = try await WebVisitor.signIn(client, WebCounty.email(.hr))
            let page = try await hr.get("/reports/turnover?\(Self.days)")
            let csv = try await hr.get("/reports/turnover.csv?\(Self.days)")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == #"attachment; filename="turnover-2025-12-01-to-2026-11-29.csv""#)
            let lines = csv.body.split(whereSeparator: \.isNewline).map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
            #expect(lines.first == ["period_end", "hub", "numerator", "denominator", "rate"])
            let rows = Array(lines.dropFirst())
            #expect(rows.count >= 12 && rows.allSatisfy { $0.count == 5 })
            let grid = Self.pivot(page.body, id: "figure-rate")
            #expect(Set(rows.map { $0[0] }) == Set(grid.keys))
            #expect(Set(rows.map { $0[1] }) == Set(grid.values.flatMap(\.keys)))
            for row in rows {
                let shown = grid[row[0]]?[row[1]]
                if let rate = Double(row[4]) {
                    #expect(shown == ReportNumber.fixed(rate, 1), "\(row)")
                } else {
                    #expect(shown == "suppressed" || shown == "-", "\(row)")
                }
            }
            let json = try await hr.get("/reports/turnover.json?\(Self.days)")
            #expect(json.status == .ok && json.headers[.contentType] == "application/json")
            #expect(json.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            let object = try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any]
            #expect((object?["rows"] as? [Any])?.count == rows.count)
        }
    }

    /// A pivot table of a page as period → hub → shown text.
    static func pivot(_ page: String, id: String) -> [String: [String: String]] {
        guard let start = page.range(of: #"id="\#(id)""#), let end = page[start.upperBound...].range(of: "</table>") else { return [:] }
        let table = page[start.upperBound..<end.lowerBound]
        let hubs = table.matches(of: /<th scope="col">([^<]*)<\/th>/).map { String($0.1) }.dropFirst()
        var grid: [String: [String: String]] = [:]
        for row in table.matches(of: /<tr><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/) {
            let cells = row.2.matches(of: /<td class="num">([^<]*)<\/td>/).map { String($0.1) }
            grid[String(row.1)] = Dictionary(uniqueKeysWithValues: zip(hubs, cells))
        }
        return grid
    }

    /// Days that are not dates, a first day after the last, too long a span or an unknown
    /// period length: 400 and the form again, the message beside its field; no figures.
    @Test func badDaysComeBackAsTheForm() async throws {
        let county = try WebCounty(generate: false)
        try await county.app().test(.router) { client in
            let hr = try await WebVisitor.signIn(client, WebCounty.email(.hr))
            let cases: [(query: String, field: String, words: String)] = [
                ("from=2026-13-01&to=2026-11-29", "from", "YYYY-MM-DD"),
                ("from=yesterday&to=2026-11-29", "from", "YYYY-MM-DD"),
                ("from=2026-11-01&to=2026-02-30", "to", "YYYY-MM-DD"),
                ("from=2026-11-30&to=2026-11-01", "from", "on or before"),
                ("from=1990-01-01&to=2026-11-01", "to", "ten years"),
                ("from=2026-01-01&to=2026-11-01&by=fortnight", "by", "weeks, months or quarters"),
            ]
            for c in cases {
                let page = try await hr.get("/reports/turnover?\(c.query)")
                #expect(page.status == .badRequest, "\(c.query)")
                #expect(page.body.contains(#"id="\#(c.field)" name="\#(c.field)""#), "\(c.query)")
                #expect(page.body.contains(#"aria-describedby="\#(c.field)-error""#), "\(c.query)")
                let message = page.body.firstMatch(of: /<span class="error" id="([a-z]+)-error">([^<]*)<\/span>/)
                #expect(message.map { String($0.1) } == c.field && message?.2.contains(c.words) == true, "\(c.query)")
                #expect(!page.body.contains("<caption>") && !page.body.contains(".csv?"), "\(c.query)")
                Self.expectNoInlineStyleOrScript(page.body)
                let csv = try await hr.get("/reports/turnover.csv?\(c.query)")
                #expect(csv.status == .badRequest && !csv.body.contains("period_end"), "\(c.query)")
            }
            // The funnel's cohorts are always months: it has no period-length field, so `by` is ignored.
            let funnel = try await hr.get("/reports/funnel?from=2026-01-01&to=2026-11-01&by=fortnight")
            #expect(funnel.status == .ok && !funnel.body.contains(#"id="by""#))
        }
    }

    /// The landing pages show their headline figures beside the national ones from `anchors`,
    /// each linking to its full report, with no inline style or script.
    @Test func landingPagesShowTheAnchors() async throws {
        let county = try WebCounty.withHistory()
        try await county.app().test(.router) { client in
            let hr = try await WebVisitor.signIn(client, WebCounty.email(.hr))
            let figures = try await hr.get("/hr")
            #expect(figures.status == .ok)
            #expect(figures.body.contains("<caption>HR figures"))
            #expect(figures.body.contains("23.1%") && figures.body.contains("7.0%"))
            #expect(figures.body.contains(#"href="/reports/turnover?from="#) && figures.body.contains(#"href="/reports/retention-91?from="#))
            #expect(figures.body.contains(#"<th scope="col">STAF</th>"#) && !figures.body.contains(#"<th scope="col">CANN</th>"#))
            Self.expectNoInlineStyleOrScript(figures.body)
            let commissioner = try await WebVisitor.signIn(client, WebCounty.email(.commissioner))
            let market = try await commissioner.get("/commissioning")
            #expect(market.status == .ok)
            #expect(market.body.contains("418000 people") && market.body.contains("5.2%"))
            #expect(market.body.contains(#"href="/reports/delivered-hours?from="#) && market.body.contains(#"href="/reports/reablement-91?from="#))
            #expect(market.body.contains(#"<th scope="col">CANN</th>"#) && market.body.contains(#"<th scope="col">STAF</th>"#))
            Self.expectNoInlineStyleOrScript(market.body)
        }
    }

    /// The stylesheet has the report rules, and print hides the pickers.
    @Test func stylesheetHidesPickersInPrint() {
        #expect(Stylesheet.css.contains("form.picker"))
        #expect(Stylesheet.css.contains("@media print { form.picker, p.downloads { display: none; }"))
    }

    /// The commissioner's sections are exactly the reports the database gives twins for.
    @Test func commissionerReportsAreTheTwins() {
        let functions = ReportCatalogue.reports(for: .commissioner).flatMap(\.reports).compactMap(ReportCatalogue.function(of:))
        #expect(Set(functions) == PeriodReportRepository.commissionerReports)
        #expect(functions.count == ReportCatalogue.reports(for: .commissioner).flatMap(\.reports).count)
    }
}

extension WebCounty {
    /// The county with two years of workforce history, hospital discharges and the market
    /// (commissions, people waiting, and outcomes of week 2026-W48's visits), as `demo history`
    /// writes them, so the reports have figures.
    static func withHistory() throws -> WebCounty {
        let county = try WebCounty()
        let db = county.owner
        let until = county.week.monday.adding(days: -1)
        let workforce = WorkforceRepository(db)
        for (hub, carers) in try workforce.carersByHub().sorted(by: { $0.key < $1.key }) {
            let h = HistoryFactory.history(hub: hub, carers: carers, until: until, seed: 5)
            try workforce.writeHistory(
                formerCarers: h.formerCarers, spells: h.spells, vacancies: h.vacancies, sickness: h.sickness, applications: h.applications,
                costs: h.costs)
            for d in DischargeFactory.discharges(hub: hub, until: until, seed: 5) { _ = try DischargeRepository(db).upsert(d) }
        }
        let market = MarketRepository(db)
        for (hub, rows) in Dictionary(grouping: try market.packages(), by: \.hub).sorted(by: { $0.key < $1.key }) {
            let infos = rows.map {
                MarketFactory.PackageInfo(
                    packageID: $0.packageID, clientID: $0.clientID, validFrom: $0.validFrom, funding: $0.funding, homeFirst: $0.homeFirst,
                    weeklyHours: $0.weeklyHours)
            }
            for c in MarketFactory.commissions(hub: hub, packages: infos, until: until, seed: 5) { _ = try PackageRepository(db).upsert(c) }
        }
        let visits = try market.plannedVisits(from: county.week.monday, to: county.week.monday.adding(days: 6))
        _ = try market.record(MarketFactory.outcomes(visits: visits, seed: 5))
        return county
    }
}
