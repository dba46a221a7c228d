import CareStore
import Foundation
import HTTPTypes
import Hummingbird

/// The front page, the stylesheet and the health check: open to anyone.
enum PublicRoutes {
    static func add(to router: Router<WebContext>, pool: DatabasePool) {
        router.get("/") { _, context in Pages.html(HomePage.render(context.session)) }
        router.get("/static/carehub.css") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            headers[.cacheControl] = "public, max-age=3600"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
        }
        router.get("/static/carehub.js") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/javascript; charset=utf-8"
            headers[.cacheControl] = "public, max-age=3600"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: Scripts.js)))
        }
        // For load balancers and monitoring: the database answers at the schema this build needs.
        router.get("/healthz") { _, _ in
            do {
                let version = try await pool.withConnection { db in try db.appliedSchemaVersion() }
                return Pages.text(.ok, "ok: database at schema \(version)\n")
            } catch {
                return Pages.text(.serviceUnavailable, "unavailable: the database does not answer\n")
            }
        }
    }
}
