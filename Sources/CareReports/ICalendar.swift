import CareModel

/// A carer's week as an RFC 5545 calendar: one event per visit, with UIDs that stay the
/// same for the same visit and carer so that re-exports update events instead of adding
/// copies, and SEQUENCE set to the roster version so newer versions win.
///
/// Hand-written: none of the available packages writes iCalendar, and the format needs only
/// escaping, line folding and UTC timestamps.
public enum ICalendar {
    /// The calendar text (CRLF line ends, lines folded at 75 octets).
    public static func calendar(_ handout: Handout, carer: String, stamp: Instant) -> String {
        calendar([handout], carer: carer, name: "\(handout.carerNames[carer] ?? carer) — \(handout.hub) \(handout.week)", stamp: stamp)
    }

    /// One calendar over several rosters (a carer's weeks, or hubs they are lent to), named `name`:
    /// what a calendar subscription serves. `refreshMinutes` asks subscribers to fetch it again that
    /// often (RFC 7986 REFRESH-INTERVAL, and the older X-PUBLISHED-TTL), so changes reach them.
    public static func calendar(_ handouts: [Handout], carer: String, name: String, stamp: Instant, refreshMinutes: Int? = nil) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//carehub//roster//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name),
        ]
        if let refreshMinutes { lines += ["REFRESH-INTERVAL;VALUE=DURATION:PT\(refreshMinutes)M", "X-PUBLISHED-TTL:PT\(refreshMinutes)M"] }
        for handout in handouts { lines += events(handout, carer: carer, stamp: stamp) }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The carer's visits in one roster, one VEVENT each.
    static func events(_ handout: Handout, carer: String, stamp: Instant) -> [String] {
        var lines: [String] = []
        for item in handout.items(for: carer) {
            let client = handout.clientLabel(item.visit.client)
            var description = "\(item.visit.durationMinutes) minutes; visit \(item.visit.id)"
            if !item.partners.isEmpty {
                description += "; with " + item.partners.map { handout.carerNames[$0] ?? $0 }.joined(separator: ", ")
            }
            if !item.visit.skills.isEmpty { description += "; needs " + item.visit.skills.joined(separator: ", ") }
            lines += [
                "BEGIN:VEVENT",
                "UID:" + escape("visit-\(item.visit.id)-\(carer)@carehub"),
                "DTSTAMP:" + utc(stamp),
                "DTSTART:" + utc(item.start),
                "DTEND:" + utc(item.end),
                "SEQUENCE:\(handout.version)",
                "SUMMARY:" + escape(item.partners.isEmpty ? "Visit: \(client)" : "Double-up: \(client)"),
                "LOCATION:" + escape(handout.clientAreas[item.visit.client] ?? ""),
                "DESCRIPTION:" + escape(description),
                "END:VEVENT",
            ]
        }
        return lines
    }

    /// `20261123T073000Z`.
    static func utc(_ t: Instant) -> String {
        t.description.filter { $0 != "-" && $0 != ":" }
    }

    /// Escapes TEXT values (RFC 5545 §3.3.11): `\\`, `\;`, `\,`, and `\n` for a line break (LF, CRLF
    /// or a lone CR). Other control characters (NUL… U+001F but tab, and DEL) may not appear in a
    /// content line at all, so they are left out: a value can never end its line and start a property.
    /// Works on Unicode scalars, because Swift counts CRLF as one `Character`.
    static func escape(_ text: String) -> String {
        var out = ""
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds a content line at 75 octets without splitting a UTF-8 sequence (RFC 5545 §3.1).
    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }
}
