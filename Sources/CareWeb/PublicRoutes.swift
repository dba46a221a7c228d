import CareStore
import Foundation
import HTTPTypes
import Hummingbird

/// What anyone may open without signing in: the front page, the stylesheet and the health check.
enum PublicRoutes {
    static func add<Context: RequestContext>(to router: Router<Context>, pool: DatabasePool) {
        router.get("/") { _, _ in
            html(
                HTML.page(
                    title: "Home",
                    body: """
                        <h1>carehub</h1>
                        <p>Rostering and home-care market tools for local health and social care hubs: weekly rosters for \
                        hub managers, each carer's own week, recruitment and retention figures for HR, market and Better Care \
                        Fund figures for commissioners.</p>
                        """))
        }
        router.get("/static/carehub.css") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            headers[.cacheControl] = "public, max-age=3600"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
        }
        // For load balancers and monitoring: the database answers at the schema this build needs.
        router.get("/healthz") { _, _ in
            do {
                let version = try await pool.withConnection { db in try db.appliedSchemaVersion() }
                return text(.ok, "ok: database at schema \(version)\n")
            } catch {
                return text(.serviceUnavailable, "unavailable: the database does not answer\n")
            }
        }
    }

    /// An HTML answer.
    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// A plain-text answer.
    static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
