import CareModel
import CareStore
import Hummingbird

/// What the rebalance job changed, why and for whom, and the messages queued to carers: for
/// managers and the scheduler, limited to their hubs by row-level security.
enum RebalanceLogRoutes {
    static let limit = 200

    static func add(to router: Router<WebContext>, pool: DatabasePool) {
        router.get("/rebalance") { _, context -> Response in
            let session = try context.require(.manager, .scheduler)
            let (changes, outbox) = try await pool.acting(for: session) { db in
                let log = RebalanceLogRepository(db)
                return (try log.changes(limit: limit), try log.outbox(limit: limit))
            }
            return Pages.html(RebalanceLogPage.render(changes: changes, outbox: outbox, session: session))
        }
    }
}

enum RebalanceLogPage {
    static func render(changes: [RebalanceLogRepository.Entry], outbox: [RebalanceLogRepository.Message], session: WebSession) -> String {
        let clock = LocalClock(zone: "Europe/London")
        let manager = session.person.role == .manager
        func week(_ e: RebalanceLogRepository.Entry) -> String {
            guard let w = e.week else { return "" }
            guard manager, let iso = ISOWeek(iso: w) else { return HTML.escape(w) }
            return #"<a href="\#(HubWeek.path(e.hub, iso))">\#(HTML.escape(w))</a>"# + (e.version.map { " v\($0)" } ?? "")
        }
        let rows = changes.map { e in
            let notice = e.noticeMinutes.map { $0 < 48 * 60 ? "<strong>short notice</strong> (\($0 / 60) h)" : "\($0 / 60) h" } ?? ""
            let iso = e.week.flatMap { ISOWeek(iso: $0) }
            let visit =
                e.visit.map { v in
                    guard manager, let iso else { return "\(v)" }
                    return #"<a href="\#(HubWeek.path(e.hub, iso))/visits/\#(v)">\#(v)</a>"#
                } ?? ""
            return """
                <tr><td>\(clock.stamp(e.at))</td><td>\(HTML.escape(e.hub))</td><td>\(week(e))</td><td>\(visit)</td>\
                <td>\(HTML.escape(e.carer ?? ""))</td><td>\(HTML.escape(e.action))</td><td>\(HTML.escape(e.reason ?? ""))</td>\
                <td>\(notice)</td><td>\(HTML.escape(e.actor))</td></tr>
                """
        }.joined()
        let messages = outbox.map { m in
            """
            <tr><td>\(clock.stamp(m.at))</td><td>\(HTML.escape(m.hub))</td><td>\(HTML.escape(m.week)) v\(m.version)</td>\
            <td>\(HTML.escape(m.carer))</td><td>\(m.changes)</td>\
            <td>\(m.sentAt.map { "sent " + clock.stamp($0) } ?? "<strong>waiting</strong>")</td></tr>
            """
        }.joined()
        let body = """
            <h1>Rebalance log</h1>
            <p>The newest \(RebalanceLogRoutes.limit) changes made to published rosters (by the rebalance job and by pins) \
            in your hubs, and the messages queued to tell carers.</p>
            <table class="log"><caption>Changes (\(changes.count))</caption><thead><tr><th scope="col">When</th><th scope="col">Hub</th>\
            <th scope="col">Week</th><th scope="col">Visit</th><th scope="col">Carer</th><th scope="col">What</th><th scope="col">Why</th>\
            <th scope="col">Notice</th><th scope="col">By</th></tr></thead><tbody>\(rows)</tbody></table>
            <table class="log"><caption>Outbox (\(outbox.count))</caption><thead><tr><th scope="col">Queued</th><th scope="col">Hub</th>\
            <th scope="col">Week</th><th scope="col">Carer</th><th scope="col">Changes</th><th scope="col">Sent</th></tr></thead>\
            <tbody>\(messages)</tbody></table>
            """
        return Layout.page(title: "Rebalance log", session: session, body: body, wide: true)
    }
}
