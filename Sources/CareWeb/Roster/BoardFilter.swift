import CareModel
import CareReports
import Foundation
import Hummingbird

/// What the board shows: one day or the whole week, and filters by carer, client and skill
/// (from the query string; unknown values simply match nothing).
struct BoardFilter: Sendable {
    var day: LocalDate?
    var carer: String?
    var client: String?
    var skill: String?

    init(_ request: Request) {
        let q = request.uri.queryParameters
        func value(_ name: String) -> String? {
            guard let v = q.get(name)?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        day = value("day").flatMap { LocalDate(iso: $0) }
        carer = value("carer")
        client = value("client")
        skill = value("skill")
    }

    var isEmpty: Bool { carer == nil && client == nil && skill == nil }

    func keeps(_ visit: Problem.Visit) -> Bool {
        (client == nil || visit.client == client) && (skill == nil || visit.skills.contains(skill!))
    }

    func keeps(carer id: String) -> Bool { carer == nil || carer == id }

    /// The query string for these settings, with `day` replaced (nil: the week).
    func query(version: Int, day: LocalDate?) -> String {
        var parts = ["v=\(version)"]
        if let day { parts.append("day=\(day)") }
        for (k, v) in [("carer", carer), ("client", client), ("skill", skill)] {
            if let v { parts.append("\(k)=\(v.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
        }
        return parts.joined(separator: "&")
    }
}
