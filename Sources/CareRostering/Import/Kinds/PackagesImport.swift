import CareModel
import CareStore

/// `packages.csv`: one weekly call per row. Rows with the same package id are one package,
/// written once with all its calls (which replace the calls it had).
enum PackagesImport: ImportParser {
    static let name = "packages"
    static let requiredColumns = ["package", "client", "valid_from", "weekday", "window_start", "window_end", "duration_minutes"]

    static func parse(_ file: CSVFile, _ known: References) -> ParsedFile {
        var parsed = ParsedFile()
        var packages: [String: (line: Int, package: CarePackage)] = [:]
        var order: [String] = []
        for record in file.records {
            var r = RowReader(record)
            let row = packageRow(&r, known)
            parsed.issues += r.issues
            guard let (package, call) = row else { continue }
            if let existing = packages[package.externalID] {
                let p = existing.package
                if p.clientID != package.clientID || p.validFrom != package.validFrom || p.validTo != package.validTo {
                    parsed.issues.append(
                        FieldIssue(
                            line: record.line, field: "client",
                            problem: "client or validity differs from line \(existing.line) of the same package"))
                }
                packages[package.externalID]?.package.visits.append(call)
            } else {
                order.append(package.externalID)
                packages[package.externalID] = (record.line, package)
            }
        }
        for id in order {
            guard let entry = packages[id] else { continue }
            parsed.writes.append((entry.line, { try PackageRepository($0).upsert(entry.package) }))
        }
        return parsed
    }

    /// One row: its package (with this call only) and the call.
    private static func packageRow(_ r: inout RowReader, _ known: References) -> (CarePackage, VisitTemplate)? {
        let id = r.id("package")
        let clientID = r.id("client")
        let from = r.date("valid_from")
        let to = r.date("valid_to", required: false)
        let dayText = r.text("weekday")
        let day = dayText.flatMap(Weekday.init(text:))
        if dayText != nil && day == nil { r.fail("weekday", "expected 1–7 or Mon…Sun") }
        let start = r.time("window_start")
        let end = r.time("window_end")
        let minutes = r.int("duration_minutes", in: 1...1440)
        let skills = r.skills("skills")
        let carers = r.int("carers", in: Problem.Visit.carerCounts, default: 1)
        let priority = r.choice("priority", Priority.self, default: .normal)
        if let clientID, !known.clients.contains(clientID) { r.fail("client", "unknown client \(clientID)") }
        if let start, let end, end < start { r.fail("window_end", "before window_start") }
        if let from, let to, to < from { r.fail("valid_to", "before valid_from") }
        guard r.issues.isEmpty, let id, let clientID, let from, let day, let start, let end, let minutes, let carers, let priority
        else { return nil }
        let call = VisitTemplate(
            weekday: day, windowStart: start, windowEnd: end, durationMinutes: minutes, skills: skills,
            carersNeeded: carers, priority: priority)
        return (CarePackage(externalID: id, clientID: clientID, validFrom: from, validTo: to, visits: [call]), call)
    }
}

extension ImportKind {
    /// Care packages: each client's weekly calls and when the package is valid.
    public static let packages = ImportKind(PackagesImport.self)
}
