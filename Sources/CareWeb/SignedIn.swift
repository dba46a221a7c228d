import CareStore
import HTTPTypes
import Hummingbird

extension WebContext {
    /// The session, if its person has one of `roles`. Nobody signed in: to the sign-in page.
    /// Signed in with another role: 403, the page is not theirs (what it would show is never read).
    func require(_ roles: PersonRole...) throws -> WebSession {
        guard let session else {
            var headers = HTTPFields()
            headers[.location] = "/signin"
            throw HTTPError(.seeOther, headers: headers)
        }
        guard roles.contains(session.person.role) else {
            throw HTTPError(.forbidden, message: "This page is not open to a \(session.person.role.title).")
        }
        return session
    }
}

extension DatabasePool {
    /// Runs `body` in one transaction acting for the session's person, so PostgreSQL's roles and
    /// row-level security decide what it sees: another hub's rows are simply not there. A statement
    /// the role may not run at all answers 403; nothing the body wrote survives a throw.
    func acting<T: Sendable>(for session: WebSession, _ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        do {
            return try await withConnection { db in
                db.actingPerson = session.person
                defer { db.actingPerson = nil }
                return try db.transaction { db in try body(db) }
            }
        } catch let refused as AccessRefused {
            throw HTTPError(.forbidden, message: "Your role may not do this (\(refused.role.title)).")
        }
    }
}

/// A 404 with the page's words: an unknown or invisible hub, week, client, carer or visit.
func notFound(_ what: String) -> HTTPError {
    HTTPError(.notFound, message: "No \(what) here, or not one you may see.")
}
