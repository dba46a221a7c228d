import CareStore
import HTTPTypes
import Hummingbird

/// Answers: an HTML page, a plain-text line, a redirect after a form.
enum Pages {
    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// 303 See Other: after a form, the browser loads `location` with GET.
    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}

/// The sign-in form; `message` appears beside the fields when the last attempt failed.
enum SignInPage {
    static func render(email: String, message: String?) -> String {
        let error = message.map { #"<p class="error" id="signin-error" role="alert">\#(HTML.escape($0))</p>"# } ?? ""
        let described = message == nil ? "" : #" aria-describedby="signin-error""#
        return HTML.page(
            title: "Sign in",
            body: """
                <h1>Sign in</h1>
                \(error)
                <form method="post" action="/signin" class="signin">
                <p><label for="email">E-mail address</label><br>
                <input id="email" name="email" type="email" autocomplete="username" required value="\(HTML.escape(email))"\(described)></p>
                <p><label for="password">Password</label><br>
                <input id="password" name="password" type="password" autocomplete="current-password" required\(described)></p>
                <p><button type="submit">Sign in</button></p>
                </form>
                """)
    }
}

/// The front page: what carehub is, and for someone signed in, who they are and their hubs.
enum HomePage {
    static func render(_ session: WebSession?) -> String {
        guard let session else {
            return HTML.page(
                title: "Home",
                body: """
                    <h1>carehub</h1>
                    <p>Rostering and home-care market tools for local health and social care hubs: weekly rosters for \
                    hub managers, each carer's own week, recruitment and retention figures for HR, market and Better Care \
                    Fund figures for commissioners.</p>
                    <p><a href="/signin">Sign in</a></p>
                    """)
        }
        let hubs = session.hubCodes.isEmpty ? "all hubs (totals only)" : session.hubCodes.map(HTML.escape).joined(separator: ", ")
        let links = Layout.navigation(for: session.person.role).dropFirst()
            .map { #"<li><a href="\#($0.path)">\#(HTML.escape($0.label))</a></li>"# }.joined()
        return Layout.page(
            title: "Home", session: session,
            body: """
                <h1>carehub</h1>
                <p id="signed-in">Signed in as <strong>\(HTML.escape(session.name))</strong>, \(HTML.escape(session.person.role.title)).</p>
                <p>Hubs: \(hubs)</p>
                <ul class="links">\(links)</ul>
                """)
    }
}
