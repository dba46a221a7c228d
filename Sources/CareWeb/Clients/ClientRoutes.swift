import CareModel
import CareStore
import Foundation
import Hummingbird

/// `/hubs/{hub}/weeks/{week}/clients/{client}`: one client's week, for the manager of their hub
/// and the scheduler (the roles the database lets read clients); HR and the others get 403.
enum ClientRoutes {
    static func add(to router: Router<WebContext>, pool: DatabasePool) {
        router.get("/hubs/:hub/weeks/:week/clients/:client") { _, context -> Response in
            let session = try context.require(.manager, .scheduler)
            // Path segments arrive percent-encoded, as ClientPage.path writes them.
            guard let hub = context.parameters.get("hub")?.removingPercentEncoding,
                let client = context.parameters.get("client")?.removingPercentEncoding,
                let week = context.parameters.get("week").flatMap(ISOWeek.init(iso:)),
                ExternalID.isValid(hub), ExternalID.isValid(client)
            else { throw notFound("week") }
            // Only a manager has any privilege on the shared record; the database refuses the rest.
            let withRecord = session.person.role == .manager
            let view = try await pool.acting(for: session) { db in
                try ClientWeek.load(db, hub: hub, week: week, clientID: client, withRecord: withRecord)
            }
            return Pages.html(ClientPage.render(view, session: session))
        }
    }
}
