import CareModel
import Foundation

/// The addresses of the carer pages, shared with the other pages' sessions (hub week, client).
enum CarerPaths {
    static func carer(hub: String, week: String, carer: String) -> String {
        "/hubs/\(segment(hub))/weeks/\(segment(week))/carers/\(segment(carer))"
    }

    static func client(hub: String, week: String, client: String) -> String {
        "/hubs/\(segment(hub))/weeks/\(segment(week))/clients/\(segment(client))"
    }

    static func hubWeek(hub: String, week: String) -> String { "/hubs/\(segment(hub))/weeks/\(segment(week))" }

    static func myWeek(token: String) -> String { "/my/\(segment(token))" }

    /// One path segment: external ids are plain ASCII by import rules, but an id that reached the
    /// database another way must not add segments or a query to the address.
    static func segment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// A week from the address: only the canonical `2026-W48` form, else nil (a 404).
    static func week(_ text: String) -> ISOWeek? {
        guard let week = ISOWeek(iso: text), week.description == text else { return nil }
        return week
    }

    /// A carer's token as `RandomToken` makes them (URL-safe base64); anything else is not
    /// looked up at all.
    static func isTokenShaped(_ text: String) -> Bool {
        (22...64).contains(text.utf8.count)
            && text.utf8.allSatisfy { c in
                (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x5F
            }
    }
}
