import CareModel
import CareReports
import CareRostering
import CareStore
import HTTPTypes
import Hummingbird

/// HR's and commissioners' pages (and managers', for their hubs): `/reports`, one report with
/// its chart, tables and pickers at `/reports/{name}`, its CSV and JSON at `/reports/{name}.csv`
/// and `.json`, and the landing pages `/hr` and `/commissioning`. Reading only: every figure comes
/// from `ReportLoader` in one transaction acting for the signed-in person.
enum ReportRoutes {
    static func add(to router: Router<WebContext>, pool: DatabasePool) {
        router.get("/reports") { _, context in
            Pages.html(ReportIndexPage.render(try context.require(.hr, .commissioner, .manager)))
        }
        router.get("/reports/{name}") { request, context in
            try await report(request, context, pool: pool)
        }
        router.get("/hr") { request, context in
            let session = try context.require(.hr)
            return try await landing(request, session: session, pool: pool, figures: LandingPage.hr, grain: .month, title: "HR figures")
        }
        router.get("/commissioning") { request, context in
            let session = try context.require(.commissioner)
            return try await landing(
                request, session: session, pool: pool, figures: LandingPage.commissioning, grain: .quarter, title: "Commissioning")
        }
    }

    /// What one report request found, worked out inside the acting transaction.
    private enum Found: Sendable {
        case table(ReportTable, hubs: [String])
        /// The days were wrong: the form again.
        case form(hubs: [String])
        /// `roster-retention` over days with no published roster.
        case noRoster(hubs: [String])
        case unknownHub
    }

    private static func report(_ request: Request, _ context: WebContext, pool: DatabasePool) async throws -> Response {
        let session = try context.require(.hr, .commissioner, .manager)
        let (name, download) = ReportDownload.split(context.parameters.get("name") ?? "")
        guard let report = ReportName(rawValue: name), ReportCatalogue.section(of: report) != nil else { throw notFound("report") }
        let role = session.person.role
        guard ReportCatalogue.allows(role, report) else {
            throw HTTPError(.forbidden, message: "The \(name) report is not open to a \(role.title).")
        }
        var fields: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { fields[String(key)] = String(value) }
        let (typed, query, problems) = ReportQuery.parse(fields, today: ReportQuery.today(), takesGrain: report.takesGrain)
        let found = try await pool.acting(for: session) { db -> Found in
            let hubs = try ReportHubs.read(db, for: session)
            guard let query else { return .form(hubs: hubs.mine) }
            if let hub = query.hub, !hubs.mine.contains(hub) { return .unknownHub }
            do {
                let table = try ReportLoader.load(report, db, .init(week: ISOWeek(containing: query.to), scope: query.scope))
                return .table(hubs.keepingMine(table), hubs: hubs.mine)
            } catch is ReportLoader.NoPublishedRoster {
                return .noRoster(hubs: hubs.mine)
            }
        }
        let picker = { (hubs: [String]) in ReportPage.Picker(report: report, typed: typed, problems: problems, hubs: hubs) }
        switch found {
        case .unknownHub:
            throw notFound("hub")
        case .form(let hubs):
            if download != nil { throw HTTPError(.badRequest, message: problems.sorted { $0.key < $1.key }.map(\.value).joined(separator: " ")) }
            return Pages.html(ReportPage.render(session: session, picker: picker(hubs), query: nil, table: nil), status: .badRequest)
        case .noRoster(let hubs):
            if download != nil { throw notFound("published roster for these days") }
            let notice = "No roster was published for a week starting in these days: choose other days."
            return Pages.html(ReportPage.render(session: session, picker: picker(hubs), query: query, table: nil, notice: notice))
        case .table(let table, let hubs):
            if let download, let query { return try download.response(table, query: query) }
            return Pages.html(ReportPage.render(session: session, picker: picker(hubs), query: query, table: table))
        }
    }

    /// A landing page: the figures for the 12 months to today, at `grain`.
    private static func landing(
        _ request: Request, session: WebSession, pool: DatabasePool, figures: [HeadlineFigure], grain: ReportGrain, title: String
    ) async throws -> Response {
        let today = ReportQuery.today()
        let query = ReportQuery(from: ReportQuery.yearBefore(today), to: today, grain: grain, hub: nil)
        let shown = try await HeadlineFigure.load(figures, query: query, pool: pool, session: session)
        let intro =
            session.person.role == .commissioner
            ? "Every hub, the latest quarter with a figure in the 12 months to today; any figure of one to four people is hidden."
            : "Your hubs, 12-month rolling figures at today; groups under 10 are suppressed."
        return Pages.html(LandingPage.render(title: title, intro: intro, session: session, query: query, shown: shown))
    }
}
