import CareModel
import CareReports
import CareStore
import Foundation

/// The period and hub a report page is asked for (`?from=&to=&by=&hub=`), checked at the door.
/// A missing day defaults to the 12 months to today; a day that is not a date, a first day after
/// the last, or a span over `longestSpanDays` comes back as a message for its field, so the page
/// can show the form again with the message beside it.
struct ReportQuery: Equatable {
    var from: LocalDate
    var to: LocalDate
    var grain: ReportGrain
    /// One hub's code, or nil for all the hubs the person may see (and `ALL`).
    var hub: String?

    /// Ten years of days at most: the figures are 12-month rolling rates, so longer spans add
    /// nothing, and weeks over decades would keep a request thread busy for thousands of periods.
    static let longestSpanDays = 3_653

    /// What the person typed, echoed back into the form when something is wrong.
    struct Typed: Equatable {
        var from = ""
        var to = ""
        var by = ""
        var hub = ""
    }

    /// The messages of fields that are wrong, by field name (`from`, `to`, `by`).
    typealias Problems = [String: String]

    /// Reads the query string; `today` gives the defaults. `by` is read only when the report
    /// takes a period length (its form has no such field to show a message beside otherwise).
    static func parse(_ query: [String: String], today: LocalDate, takesGrain: Bool = true) -> (
        typed: Typed, query: ReportQuery?, problems: Problems
    ) {
        let typed = Typed(from: query["from"] ?? "", to: query["to"] ?? "", by: query["by"] ?? "", hub: query["hub"] ?? "")
        var problems: Problems = [:]
        let to = day(typed.to, default: today, field: "to", &problems)
        let from = day(typed.from, default: to.map(yearBefore) ?? yearBefore(today), field: "from", &problems)
        var grain = ReportGrain.month
        if takesGrain && !typed.by.isEmpty {
            if let chosen = ReportGrain(rawValue: typed.by) { grain = chosen } else { problems["by"] = "Choose weeks, months or quarters." }
        }
        if let from, let to, problems.isEmpty {
            if from > to {
                problems["from"] = "The first day must be on or before the last day (\(to))."
            } else if from.days(to: to) > longestSpanDays {
                problems["to"] = "At most ten years at once: choose a last day before \(from.adding(days: longestSpanDays + 1))."
            }
        }
        guard problems.isEmpty, let from, let to else { return (typed, nil, problems) }
        return (typed, ReportQuery(from: from, to: to, grain: grain, hub: typed.hub.isEmpty ? nil : typed.hub), problems)
    }

    /// The first day of the 12 months that end on `day`.
    static func yearBefore(_ day: LocalDate) -> LocalDate {
        let (y, m, d) = day.civil
        let sameDay = LocalDate(year: y - 1, month: m, day: min(d, LocalDate.daysInMonth(year: y - 1, month: m)))
        return (sameDay ?? day.adding(days: -365)).adding(days: 1)
    }

    /// Today in England, where the hubs are (a UTC day would turn over an hour early in summer).
    static func today(_ now: Date = Date()) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? LocalDate(daysSinceEpoch: 0)
    }

    /// The query string for this period and hub (`by` only when the report takes it).
    func queryString(takesGrain: Bool) -> String {
        var items = [URLQueryItem(name: "from", value: from.description), URLQueryItem(name: "to", value: to.description)]
        if takesGrain { items.append(URLQueryItem(name: "by", value: grain.rawValue)) }
        if let hub { items.append(URLQueryItem(name: "hub", value: hub)) }
        var components = URLComponents()
        components.queryItems = items
        return components.percentEncodedQuery ?? ""
    }

    /// The scope the store's report functions take.
    var scope: PeriodReportRepository.Scope { .init(from: from, to: to, grain: grain, hub: hub) }

    private static func day(_ text: String, default fallback: LocalDate, field: String, _ problems: inout Problems) -> LocalDate? {
        if text.isEmpty { return fallback }
        guard let date = LocalDate(iso: text) else {
            problems[field] = "Enter a date as YYYY-MM-DD, for example \(fallback)."
            return nil
        }
        return date
    }
}
