import CareStore

/// The frame of every signed-in page: the header with the person's links for their role, who is
/// signed in, and sign-out (a form, since it changes something).
enum Layout {
    /// A whole page for `session`; `body` is already HTML. `wide` drops the reading-width limit
    /// (the roster board needs the screen).
    static func page(title: String, session: WebSession?, body: String, wide: Bool = false) -> String {
        guard let session else { return HTML.page(title: title, body: body) }
        let links = navigation(for: session.person.role)
            .map { #"<li><a href="\#($0.path)">\#(HTML.escape($0.label))</a></li>"# }
            .joined()
        let header = """
            <nav aria-label="Main"><ul class="nav">\(links)</ul></nav>
            <form method="post" action="/signout" class="signout"><span class="muted">\(HTML.escape(session.name)), \
            \(HTML.escape(session.person.role.title))</span> <input type="hidden" name="csrf" value="\(HTML.escape(session.csrfToken))">\
            <button type="submit">Sign out</button></form>
            """
        return HTML.page(title: title, body: body, header: header, wide: wide)
    }

    /// The links of each role's header, in the order people use them.
    static func navigation(for role: PersonRole) -> [(path: String, label: String)] {
        switch role {
        case .manager: [("/", "Home"), ("/hubs", "Hub weeks"), ("/people", "People"), ("/rebalance", "Rebalance log")]
        case .hr: [("/", "Home"), ("/hr", "HR figures"), ("/reports", "Reports")]
        case .commissioner: [("/", "Home"), ("/commissioning", "Commissioning"), ("/reports", "Reports")]
        case .scheduler: [("/", "Home"), ("/rebalance", "Rebalance log")]
        case .admin: [("/", "Home")]
        case .practitioner: [("/", "Home"), ("/people", "People")]
        }
    }
}
