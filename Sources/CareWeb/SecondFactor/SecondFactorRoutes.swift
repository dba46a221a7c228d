import CareStore
import Foundation
import HTTPTypes
import Hummingbird

/// The second step of signing in for managers and admins: `/signin/code`.
///
/// Their session opens half way on the right password (`SessionMiddleware` then serves them this
/// page and sign-out only); the current code opens it fully, under a new cookie. Someone with no
/// secret yet is shown one and confirms it with a code. Wrong and replayed codes count against
/// the same limits as wrong passwords (`SignInRoutes`), per account and per address.
enum SecondFactorRoutes {
    static let path = "/signin/code"

    static func add(to router: Router<WebContext>, pool: DatabasePool, settings: WebServer.Settings) {
        router.get(RouterPath(path)) { _, context -> Response in
            guard let session = context.halfOpenSession, let token = context.sessionToken else {
                return Pages.redirect(context.session == nil ? "/signin" : "/")
            }
            let enrolSecret = try await pool.withConnection { db in try enrolment(db, session: session, token: token) }
            return Pages.html(SecondFactorPage.render(session: session, enrolSecret: enrolSecret, message: nil))
        }
        router.post(RouterPath(path)) { request, context -> Response in
            guard let session = context.halfOpenSession, let token = context.sessionToken else {
                return Pages.redirect(context.session == nil ? "/signin" : "/")
            }
            let form = try await Forms.read(request, context: context)
            try Forms.requireToken(form, session)
            let typed = form["code"] ?? ""
            let keys = ["account:" + session.person.email.lowercased(), "address:" + context.throttleAddress(request)]
            let outcome = try await pool.withConnection { db in try check(db, typed: typed, session: session, token: token, keys: keys) }
            switch outcome {
            case .opened(let fresh):
                var response = Pages.redirect("/")
                response.setCookie(SignInRoutes.sessionCookie(fresh, settings: settings))
                return response
            case .expired:
                return Pages.redirect("/signin")
            case .refused(let why, let enrolSecret):
                let (message, status) = why.answer
                return Pages.html(SecondFactorPage.render(session: session, enrolSecret: enrolSecret, message: message), status: status)
            }
        }
    }

    /// The secret to show while the person enrols (nil once they have one).
    private static func enrolment(_ db: Connection, session: WebSession, token: String) throws -> String? {
        let factors = SecondFactorRepository(db)
        if try factors.secret(personID: session.person.id) != nil { return nil }
        return try factors.enrolmentSecret(token: token, candidate: SecondFactor.newSecret())
    }

    /// Checks a typed code in one transaction: throttling, the code, replay, then opens the session.
    private static func check(_ db: Connection, typed: String, session: WebSession, token: String, keys: [String]) throws -> Outcome {
        try db.transaction { db in
            let sessions = WebSessionRepository(db)
            let factors = SecondFactorRepository(db)
            let enrolled = try factors.secret(personID: session.person.id)
            let enrolSecret = enrolled == nil ? try enrolment(db, session: session, token: token) : nil
            if try sessions.failures(key: keys[0], minutes: SignInRoutes.windowMinutes) >= SignInRoutes.accountLimit
                || sessions.failures(key: keys[1], minutes: SignInRoutes.windowMinutes) >= SignInRoutes.addressLimit
            {
                return .refused(.throttled, enrolSecret)
            }
            guard let secret = enrolled ?? enrolSecret else { return .expired }
            guard let step = SecondFactor.matchingStep(typed, secret: secret, now: Date()) else {
                try sessions.recordFailure(keys: keys)
                return .refused(.wrong, enrolSecret)
            }
            if enrolled == nil {
                // Another session enrolled first: its secret stands; this one must sign in again.
                guard try factors.enrol(personID: session.person.id, secret: secret, step: step) else { return .expired }
            } else if try !factors.accept(personID: session.person.id, step: step) {
                try sessions.recordFailure(keys: keys)
                return .refused(.replayed, enrolSecret)
            }
            guard let fresh = try sessions.passSecondFactor(token: token) else { return .expired }
            return .opened(fresh)
        }
    }

    enum Outcome: Sendable {
        case opened(String)
        case expired
        case refused(Refusal, String?)
    }

    enum Refusal: Sendable {
        case wrong, replayed, throttled

        var answer: (String, HTTPResponse.Status) {
            switch self {
            case .wrong: ("That is not the code for now. Enter the six digits your authenticator app shows.", .unauthorized)
            case .replayed: ("That code has been used already. Wait for the next code, then enter it.", .unauthorized)
            case .throttled: ("Too many attempts. Wait \(SignInRoutes.windowMinutes) minutes, then try again.", .tooManyRequests)
            }
        }
    }
}
