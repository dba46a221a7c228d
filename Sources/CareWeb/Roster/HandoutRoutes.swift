import CareModel
import CareReports
import CareRostering
import CareStore
import Foundation
import HTTPTypes
import Hummingbird

/// The hand-outs of a version, as downloads: a calendar per carer, printable sheets, the
/// payroll CSV. The same renderers as `carehub roster export`.
enum HandoutRoutes {
    static func add(to router: Router<WebContext>, pool: DatabasePool) {
        router.get("/static/sheets.css") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            headers[.cacheControl] = "public, max-age=3600"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: PrintableSheets.css)))
        }
        router.get("/hubs/:hub/weeks/:week/sheets.html") { request, context -> Response in
            let (shown, _) = try await load(request, context, pool: pool)
            return Pages.html(PrintableSheets.linking(PrintableSheets.hubOverview(shown.handout), stylesheet: "/static/sheets.css"))
        }
        router.get("/hubs/:hub/weeks/:week/v/:version/sheets/:file") { request, context -> Response in
            let (shown, _) = try await load(request, context, pool: pool)
            let carer = try file(context, suffix: ".html", in: shown.handout.carers)
            // The carer's sheet carries the tasks of their visits (read now, and audited).
            var handout = shown.handout
            let visits = handout.items(for: carer).map(\.visit.id)
            handout.visitTasks = try await pool.acting(for: try context.require(.manager)) { db in try HandoutRepository(db).tasks(visitIDs: visits) }
            return Pages.html(PrintableSheets.linking(PrintableSheets.carerSheet(handout, carer: carer), stylesheet: "/static/sheets.css"))
        }
        router.get("/hubs/:hub/weeks/:week/v/:version/calendars/:file") { request, context -> Response in
            let (shown, stored) = try await load(request, context, pool: pool)
            let carer = try file(context, suffix: ".ics", in: shown.handout.carers)
            return download(
                ICalendar.calendar(shown.handout, carer: carer, stamp: stored.createdAt), type: "text/calendar; charset=utf-8",
                name: ExternalID.fileName(carer) + ".ics")
        }
        router.get("/hubs/:hub/weeks/:week/v/:version/payroll.csv") { request, context -> Response in
            let session = try context.require(.manager)
            let (hub, week) = try context.parameters.hubWeek()
            let version = try versionParameter(context)
            let csv = try await pool.acting(for: session) { db -> String in
                let loaded = try HubWeek.load(db, hub: hub, week: week, version: version, cache: pool.decoded)
                guard let shown = loaded.shown else { throw notFound("roster version") }
                return try RosterWorkflow.payrollCSV(try RosterWorkflow.payroll(db, shown.handout))
            }
            return download(csv, type: "text/csv; charset=utf-8", name: "payroll-\(hub)-\(week)-v\(version).csv")
        }
    }

    /// The version of the path (`/v/N/`) or of `?v=`, and its hand-out.
    static func load(_ request: Request, _ context: WebContext, pool: DatabasePool) async throws -> (HubWeek.Shown, RosterVersionSummary) {
        let session = try context.require(.manager)
        let (hub, week) = try context.parameters.hubWeek()
        let version = context.parameters.get("version") == nil ? try request.version() : try versionParameter(context)
        let loaded = try await pool.acting(for: session) { db in try HubWeek.load(db, hub: hub, week: week, version: version, cache: pool.decoded) }
        guard let shown = loaded.shown else { throw notFound("roster version") }
        return (shown, shown.summary)
    }

    static func versionParameter(_ context: WebContext) throws -> Int {
        guard let n = context.parameters.get("version").flatMap(Int.init), n >= 1 else { throw notFound("roster version") }
        return n
    }

    /// The carer a file name names (`C-12.ics`), when they have visits in the version.
    static func file(_ context: WebContext, suffix: String, in carers: [String]) throws -> String {
        let name = context.parameters.get("file") ?? ""
        guard name.hasSuffix(suffix), let carer = carers.first(where: { ExternalID.fileName($0) + suffix == name }) else {
            throw notFound("hand-out")
        }
        return carer
    }

    static func download(_ text: String, type: String, name: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
