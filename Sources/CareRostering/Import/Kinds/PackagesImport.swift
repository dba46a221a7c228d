import CareModel
import CareStore

/// `packages.csv`: one weekly call per row. Rows with the same package id are one package,
/// written once with all its calls (which replace the calls it had) and the links between them.
///
/// Optional columns (issue 14): `call` labels the call (the same label on each weekday it recurs),
/// `late_allowed_minutes` (0–720) and `time_critical` say whether its visit may start late, and
/// `follows` names the package's call this one comes after on the same day, with
/// `min_gap_minutes` and `max_gap_minutes` (both required with `follows`) and `different_carers`.
enum PackagesImport: ImportParser {
    static let name = "packages"
    static let requiredColumns = ["package", "client", "valid_from", "weekday", "window_start", "window_end", "duration_minutes"]

    /// One package as its rows build it.
    private struct Draft {
        var line: Int
        var package: CarePackage
        var terms: [PackageCallTerms] = []
        /// Each link with the line that first gave it.
        var links: [(line: Int, link: PackageLink)] = []
        /// Each (weekday, label) with its line, and each label with its first line.
        var labelled: [String: Int] = [:]
        var labels: Set<String> = []
    }

    static func parse(_ file: CSVFile, _ known: References) -> ParsedFile {
        var parsed = ParsedFile()
        var packages: [String: Draft] = [:]
        var order: [String] = []
        for record in file.records {
            var r = RowReader(record)
            let row = packageRow(&r, known)
            parsed.issues += r.issues
            guard let (package, call, terms, link) = row else { continue }
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
                packages[package.externalID] = Draft(line: record.line, package: package)
            }
            guard var draft = packages[package.externalID] else { continue }
            draft.terms.append(terms)
            if let label = terms.label {
                let key = "\(call.weekday.rawValue)|\(label)"
                if let first = draft.labelled[key] {
                    parsed.issues.append(
                        FieldIssue(line: record.line, field: "call", problem: "call \(label) on this weekday is on line \(first) too"))
                } else {
                    draft.labelled[key] = record.line
                }
                draft.labels.insert(label)
            }
            if let link {
                if let same = draft.links.first(where: { $0.link.firstCall == link.firstCall && $0.link.secondCall == link.secondCall }) {
                    if same.link != link {
                        parsed.issues.append(
                            FieldIssue(
                                line: record.line, field: "follows",
                                problem: "gaps or different_carers differ from line \(same.line) for the same two calls"))
                    }
                } else {
                    draft.links.append((record.line, link))
                }
            }
            packages[package.externalID] = draft
        }
        for id in order {
            guard let draft = packages[id] else { continue }
            // A link names calls of its own package (any weekday; it holds on days both are planned).
            for (line, link) in draft.links where !draft.labels.contains(link.firstCall) {
                parsed.issues.append(FieldIssue(line: line, field: "follows", problem: "no call \(link.firstCall) in package \(id)"))
            }
            let links = draft.links.map(\.link)
            parsed.writes.append((draft.line, { try PackageRepository($0).upsert(draft.package, terms: draft.terms, links: links) }))
        }
        return parsed
    }

    /// One row: its package (with this call only), the call, its terms and the link it declares.
    private static func packageRow(_ r: inout RowReader, _ known: References)
        -> (CarePackage, VisitTemplate, PackageCallTerms, PackageLink?)?
    {
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
        let terms = callTerms(&r)
        let link = callLink(&r, label: terms?.label)
        guard r.issues.isEmpty, let id, let clientID, let from, let day, let start, let end, let minutes, let carers, let priority,
            let terms
        else { return nil }
        let call = VisitTemplate(
            weekday: day, windowStart: start, windowEnd: end, durationMinutes: minutes, skills: skills,
            carersNeeded: carers, priority: priority)
        return (CarePackage(externalID: id, clientID: clientID, validFrom: from, validTo: to, visits: [call]), call, terms, link ?? nil)
    }

    /// `call`, `late_allowed_minutes`, `time_critical` (all optional).
    private static func callTerms(_ r: inout RowReader) -> PackageCallTerms? {
        let label = r.optionalID("call")
        let late = r.int("late_allowed_minutes", in: PackageCallTerms.lateAllowance, default: 0)
        let critical = r.bool("time_critical")
        if critical, let late, late > 0 { r.fail("late_allowed_minutes", "a time-critical call may not start late") }
        guard let late else { return nil }
        return PackageCallTerms(label: label, lateAllowedMinutes: late, timeCritical: critical)
    }

    /// `follows` with `min_gap_minutes`, `max_gap_minutes`, `different_carers`: the link from the
    /// call this row follows to this row's call. Nil (no link) when `follows` and the gaps are blank;
    /// `.some(nil)` when they are bad (the issues say why).
    private static func callLink(_ r: inout RowReader, label: String?) -> PackageLink?? {
        let first = r.optionalID("follows")
        let linkColumns = ["min_gap_minutes", "max_gap_minutes", "different_carers"]
        guard first != nil || !r.record["follows"].isEmpty else {
            for column in linkColumns where !r.record[column].isEmpty { r.fail(column, "only with follows") }
            return nil
        }
        let minGap = r.int("min_gap_minutes", in: PackageLink.gapRange)
        let maxGap = r.int("max_gap_minutes", in: PackageLink.gapRange)
        let different = r.bool("different_carers")
        if let minGap, let maxGap, maxGap < minGap { r.fail("max_gap_minutes", "below min_gap_minutes") }
        if label == nil && r.record["call"].isEmpty { r.fail("call", "required with follows (the label of this call)") }
        if let first, let label, first == label { r.fail("follows", "a call cannot follow itself") }
        guard let first, let label, let minGap, let maxGap, maxGap >= minGap else { return .some(nil) }
        return PackageLink(firstCall: first, secondCall: label, minGapMinutes: minGap, maxGapMinutes: maxGap, differentCarers: different)
    }
}

extension ImportKind {
    /// Care packages: each client's weekly calls and when the package is valid.
    public static let packages = ImportKind(PackagesImport.self)
}
