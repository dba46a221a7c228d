import CarePasswords
import CareStore
import Foundation
import HTTPTypes
import Hummingbird

/// Signing in with e-mail and password, and signing out. Managers and admins then give a code
/// (`SecondFactorRoutes`).
///
/// The password is checked on the database pool's threads (argon2id takes 64 MiB and a tenth of
/// a second by design), never on the event loop. A wrong e-mail and a wrong password get the same
/// answer after the same work. Ten failures for one account, or fifty from one address, within
/// fifteen minutes stop further attempts for that time (the NCSC's "about ten attempts").
enum SignInRoutes {
    static let accountLimit = 10
    static let addressLimit = 50
    static let windowMinutes = 15

    static func add(to router: Router<WebContext>, pool: DatabasePool, settings: WebServer.Settings) {
        router.get("/signin") { _, context -> Response in
            if context.session != nil { return Pages.redirect("/") }
            if context.halfOpenSession != nil { return Pages.redirect(SecondFactorRoutes.path) }
            return Pages.html(SignInPage.render(email: "", message: nil))
        }
        router.post("/signin") { request, context -> Response in
            let form = try await Forms.read(request, context: context)
            let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces)
            let password = form["password"] ?? ""
            guard !email.isEmpty, !password.isEmpty else {
                return Pages.html(SignInPage.render(email: email, message: "Enter your e-mail address and password."), status: .badRequest)
            }
            let keys = ["account:" + email.lowercased(), "address:" + context.throttleAddress(request)]
            let limits = settings.sessionLimits
            let outcome = try await pool.withConnection { db -> SignInOutcome in
                let sessions = WebSessionRepository(db)
                if try sessions.failures(key: keys[0], minutes: windowMinutes) >= accountLimit
                    || sessions.failures(key: keys[1], minutes: windowMinutes) >= addressLimit
                {
                    return .throttled
                }
                let people = PeopleRepository(db)
                let person = try people.activePerson(email: email)
                let hash = try people.passwordHash(email: email)
                // The same argon2 work whether or not the account exists.
                let matches = PasswordHasher().verify(password, against: hash ?? DummyHash.value)
                guard let person, hash != nil, matches else {
                    try sessions.recordFailure(keys: keys)
                    return .refused
                }
                let due = SecondFactor.required(for: person.role)
                return .signedIn(try sessions.open(person: person, limits: limits, secondFactorDue: due), secondFactorDue: due)
            }
            switch outcome {
            case .throttled:
                let message = "Too many attempts. Wait \(windowMinutes) minutes, then try again."
                return Pages.html(SignInPage.render(email: email, message: message), status: .tooManyRequests)
            case .refused:
                let message = "That e-mail address and password do not match an active account."
                return Pages.html(SignInPage.render(email: email, message: message), status: .unauthorized)
            case .signedIn(let token, let secondFactorDue):
                // Managers and admins go on to their code (SecondFactorRoutes); the session is half open until then.
                var response = Pages.redirect(secondFactorDue ? SecondFactorRoutes.path : "/")
                response.setCookie(sessionCookie(token, settings: settings))
                return response
            }
        }
        router.post("/signout") { request, context -> Response in
            let form = try await Forms.read(request, context: context)
            guard let session = context.session ?? context.halfOpenSession, let token = context.sessionToken else {
                return Pages.redirect("/signin")
            }
            try Forms.requireToken(form, session)
            try await pool.withConnection { db in _ = try WebSessionRepository(db).close(token: token) }
            var response = Pages.redirect("/signin")
            response.setCookie(
                Cookie(
                    name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: settings.secureCookies, httpOnly: true,
                    sameSite: .strict))
            return response
        }
    }

    /// The session cookie: HttpOnly, SameSite=Strict, Secure behind HTTPS.
    static func sessionCookie(_ token: String, settings: WebServer.Settings) -> Cookie {
        Cookie(name: SessionMiddleware.cookieName, value: token, path: "/", secure: settings.secureCookies, httpOnly: true, sameSite: .strict)
    }

    enum SignInOutcome: Sendable {
        case throttled, refused
        case signedIn(String, secondFactorDue: Bool)
    }
}

/// An argon2id hash of a random password, checked against when the account does not exist so
/// that answering "no such account" takes as long as "wrong password".
enum DummyHash {
    static let value: String = (try? PasswordHasher().hash(RandomToken.make())) ?? ""
}
