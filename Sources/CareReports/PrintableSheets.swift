import CareModel
import Foundation

/// Printable HTML: a weekly sheet per carer and a hub overview grid (carers × days). Each
/// file is self-contained (inline CSS, no scripts) and prints on A4.
public enum PrintableSheets {
    static let style = "<style>\n\(css)</style>"

    /// The sheets' rules, for a server whose Content-Security-Policy forbids inline styles to
    /// link instead (`page(_:_:stylesheet:)`).
    public static let css = """
        body{font:11pt/1.35 system-ui,sans-serif;margin:1.5em;color:#111}
        h1{font-size:15pt;margin:0 0 .2em}h2{font-size:12pt;margin:1em 0 .3em;border-bottom:1px solid #999}
        table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}
        th{background:#eee}.muted{color:#555}.grid td{font-size:9pt}
        @media print{body{margin:0}h2{page-break-after:avoid}tr{page-break-inside:avoid}}

        """

    /// A carer's week, one table per day.
    public static func carerSheet(_ h: Handout, carer: String) -> String {
        let name = h.carerNames[carer] ?? carer
        var body = "<h1>\(esc(name)) <span class=\"muted\">(\(esc(carer)))</span></h1>"
        body += "<p class=\"muted\">\(esc(h.hub)) · week \(esc(h.week)) · roster version \(h.version)</p>"
        var day: LocalDate?
        for item in h.items(for: carer) {
            let start = h.local(item.start)
            let end = h.local(item.end)
            if start.date != day {
                if day != nil { body += "</table>" }
                day = start.date
                body += "<h2>\(start.date.weekday.fullName) \(start.date)</h2>"
                body += "<table><tr><th>Time</th><th>Client</th><th>Area</th><th>Minutes</th><th>With</th><th>Needs</th><th>Travel</th></tr>"
            }
            body += "<tr><td>\(start.time)–\(end.time)</td><td>\(esc(h.clientFirstNames[item.visit.client] ?? item.visit.client))</td>"
            body += "<td>\(esc(h.clientAreas[item.visit.client] ?? ""))</td><td>\(item.visit.durationMinutes)</td>"
            body += "<td>\(esc(item.partners.map { h.carerNames[$0] ?? $0 }.joined(separator: ", ")))</td>"
            body += "<td>\(esc(item.visit.skills.joined(separator: ", ")))</td><td>\(item.travel) min\(item.paidTravel ? "" : " from home")</td></tr>"
            if let tasks = h.visitTasks[item.visit.id], !tasks.isEmpty {
                let lines = tasks.map { task in
                    let label = task.kind == .access ? "Getting in" : task.kind.label.prefix(1).uppercased() + task.kind.label.dropFirst()
                    return "<strong>\(esc(label)):</strong> \(esc(task.description))"
                }
                body += "<tr class=\"tasks\"><td></td><td colspan=\"6\">\(lines.joined(separator: "<br>"))</td></tr>"
            }
        }
        if day != nil { body += "</table>" } else { body += "<p>No visits this week.</p>" }
        return page("\(name): week \(h.week)", body)
    }

    /// The hub overview: one row per carer, one column per day, visits and hours per cell.
    public static func hubOverview(_ h: Handout) -> String {
        let days = (0..<7).map { h.problem.weekStart.adding(days: $0) }
        var body = "<h1>\(esc(h.hub)) · week \(esc(h.week))</h1><p class=\"muted\">Roster version \(h.version); "
        body += "\(h.roster.assignments.count) visits assigned, \(h.roster.unassigned.count) unassigned.</p>"
        body +=
            "<table class=\"grid\"><tr><th>Carer</th>" + days.map { "<th>\($0.weekday.shortName) \($0.civil.day)</th>" }.joined()
            + "<th>Hours</th></tr>"
        for carer in h.carers {
            let items = h.items(for: carer)
            var cells = ""
            for day in days {
                let mine = items.filter { h.local($0.start).date == day }
                if mine.isEmpty {
                    cells += "<td></td>"
                    continue
                }
                let first = h.local(mine[0].start).time
                let last = h.local(mine[mine.count - 1].end).time
                cells += "<td>\(mine.count) visits<br>\(first)–\(last)</td>"
            }
            let minutes = items.reduce(0) { $0 + $1.visit.durationMinutes }
            body += "<tr><td>\(esc(h.carerNames[carer] ?? carer))</td>\(cells)<td>\(hours(minutes))</td></tr>"
        }
        body += "</table>"
        if !h.roster.unassigned.isEmpty {
            body += "<h2>Unassigned visits</h2><table><tr><th>Visit</th><th>Client</th><th>Reason</th></tr>"
            let visits = Dictionary(h.problem.visits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for u in h.roster.unassigned {
                body += "<tr><td>\(esc(u.visit))</td><td>\(esc(visits[u.visit]?.client ?? ""))</td><td>\(esc(u.reason))</td></tr>"
            }
            body += "</table>"
        }
        return page("\(h.hub): week \(h.week)", body)
    }

    public static func page(_ title: String, _ body: String, stylesheet: String? = nil) -> String {
        let head = stylesheet.map { "<link rel=\"stylesheet\" href=\"\(esc($0))\">" } ?? style
        return "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>\(esc(title))</title>\(head)</head>"
            + "<body>\(body)</body></html>\n"
    }

    /// A sheet made for files (inline style) relinked to `stylesheet`, for serving under a policy
    /// without inline styles.
    public static func linking(_ page: String, stylesheet: String) -> String {
        page.replacingFirst(style, with: "<link rel=\"stylesheet\" href=\"\(esc(stylesheet))\">")
    }

    /// Escapes text for HTML element content and quoted attribute values. Works on Unicode
    /// scalars (a `"` followed by a combining mark is one Swift `Character`, and must still be
    /// escaped); control characters other than tab, LF and CR, which HTML forbids, are left out.
    public static func esc(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
