import CareModel
import CareStore

/// The carer's own link on the manager's page: issue (revoking the old one), revoke, and the new
/// address shown once. Forms carry the session's anti-forgery token.
enum CarerLinkSection {
    static func render(_ week: CarerWeek, session: WebSession, issued: IssuedLink?) -> String {
        let base = CarerPaths.carer(hub: week.hub, week: week.week.description, carer: week.carer)
        let csrf = #"<input type="hidden" name="csrf" value="\#(HTML.escape(session.csrfToken))">"#
        var out = "<section class=\"carer-link noprint\" aria-labelledby=\"link-heading\">\n<h2 id=\"link-heading\">Carer's own link</h2>\n"
        if let issued {
            let path = CarerPaths.myWeek(token: issued.token)
            let address = HTML.escape(issued.origin + path)
            out += """
                <div class="issued" role="status"><p><strong>New link, shown only now.</strong> Send it to the carer; anyone with it \
                sees their published week, so send it only to them.</p>
                <p class="link-address"><a id="issued-link" href="\(HTML.escape(path))">\(address)</a></p></div>

                """
        } else if let live = week.link {
            out += "<p>A link is live (issued \(HTML.escape(CarerChangeText.local(live.issuedAt, week.handout)))). Its address was shown once, "
            out += "when it was issued; issue a new one if the carer lost it.</p>\n"
        } else {
            out += "<p>No live link. A link shows the carer their published week on their phone, with no password.</p>\n"
        }
        out += """
            <form method="post" action="\(HTML.escape(base))/link" class="inline">\(csrf)<button type="submit">\
            \(week.link == nil && issued == nil ? "Issue a link" : "Issue a new link (the old one stops working)")</button></form>

            """
        if week.link != nil || issued != nil {
            out += """
                <form method="post" action="\(HTML.escape(base))/link/revoke" class="inline">\(csrf)\
                <button type="submit">Revoke the link</button></form>

                """
        }
        return out + "</section>\n"
    }
}
