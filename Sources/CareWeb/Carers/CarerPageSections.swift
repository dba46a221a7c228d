import CareModel
import CareReports
import CareStore

/// The carer page's report sections, each from the library the CLI uses for the same figure.
enum CarerPageSections {
    /// Visits, hours paid against contract and cap.
    static func summary(_ week: CarerWeek) -> String {
        let items = week.items
        let care = items.reduce(0) { $0 + $1.visit.durationMinutes }
        let travel = items.filter(\.paidTravel).reduce(0) { $0 + $1.travel }
        var rows = [
            ("Visits", #"<span id="visit-count">\#(items.count)</span>"#),
            ("Care", CarerFormat.hours(care)),
            ("Paid travel", CarerFormat.hours(travel)),
            ("Paid hours", CarerFormat.hours(week.paidMinutes)),
        ]
        if let contract = week.contractedMinutes {
            let difference = week.paidMinutes - contract
            let words = difference == 0 ? "as contracted" : difference < 0 ? "under contract" : "over contract"
            rows.append(("Contract", "\(CarerFormat.hours(contract)) (\(CarerFormat.hours(abs(difference))) \(words))"))
        }
        if let cap = week.maxMinutes { rows.append(("Weekly cap", CarerFormat.hours(cap))) }
        let cells = rows.map { "<tr><th scope=\"row\">\($0.0)</th><td>\($0.1)</td></tr>" }.joined()
        return #"<table class="carer-summary"><caption>This week</caption>\#(cells)</table>"# + "\n"
    }

    /// Working Time Regulations and visit-length warnings for this carer.
    static func warnings(_ week: CarerWeek) -> String {
        guard week.handout != nil else { return "" }
        guard !week.warnings.isEmpty else { return "<h2>Working time</h2>\n<p>No warnings.</p>\n" }
        let items = week.warnings.map { #"<li class="warning">Warning: \#(HTML.escape($0.text))</li>"# }.joined()
        return "<h2>Working time</h2>\n<ul class=\"carer-warnings\">\(items)</ul>\n"
    }

    /// Pay per day against the National Living Wage, counting travel between visits and waiting
    /// as working time (Payroll's rule).
    static func pay(_ week: CarerWeek) -> String {
        guard !week.pay.isEmpty else { return "" }
        let rows = week.pay.map { line -> String in
            let wage = line.livingWagePence.map(CarerFormat.pounds) ?? "unknown"
            let check = line.belowLivingWage ? #"<td class="below"><strong>Below the living wage</strong></td>"# : "<td>OK</td>"
            return """
                <tr><td>\(line.date.weekday.shortName) \(line.date)</td><td>\(line.visits)</td><td>\(CarerFormat.hours(line.paidMinutes))</td>\
                <td>\(CarerFormat.hours(line.waitingMinutes))</td><td>\(CarerFormat.pounds(line.payPence))</td>\
                <td>\(CarerFormat.pounds(line.effectiveRatePence))</td><td>\(wage)</td>\(check)</tr>
                """
        }.joined(separator: "\n")
        let below = week.pay.filter(\.belowLivingWage).count
        let verdict =
            below == 0
            ? "Every day pays at least the National Living Wage."
            : below == 1 ? "1 day pays below the National Living Wage." : "\(below) days pay below the National Living Wage."
        return """
            <h2>Pay check</h2>
            <p id="pay-verdict">\(verdict) Hourly rate \(CarerFormat.pounds(week.pay[0].hourlyRatePence)).</p>
            <table class="carer-pay"><thead><tr><th scope="col">Day</th><th scope="col">Visits</th><th scope="col">Paid</th>\
            <th scope="col">Waiting</th><th scope="col">Pay</th><th scope="col">Per working hour</th><th scope="col">Living wage</th>\
            <th scope="col">Check</th></tr></thead>
            <tbody>\(rows)</tbody></table>

            """
    }

    /// Changes rebalance made to the carer's visits in this week; under 48 hours' notice flagged.
    static func changes(_ week: CarerWeek) -> String {
        let short = week.changes.filter(\.isShortNotice).count
        guard !week.changes.isEmpty else { return "<h2>Changes at short notice</h2>\n<p>No changes by rebalance this week.</p>\n" }
        let rows = week.changes.map { change in
            let notice = change.noticeMinutes.map(CarerFormat.hours) ?? "unknown"
            let start = change.visitStart.map { CarerChangeText.local($0, week.handout) } ?? "unknown"
            let flag = change.isShortNotice ? "<strong>short notice</strong>" : "—"
            return """
                <tr><td>\(CarerChangeText.local(change.changedAt, week.handout))</td><td>\(HTML.escape(CarerChangeText.action(change.action)))</td>\
                <td>\(start)</td><td>\(notice)</td><td>\(flag)</td><td>\(HTML.escape(change.reason ?? ""))</td></tr>
                """
        }.joined(separator: "\n")
        return """
            <h2>Changes at short notice</h2>
            <p><span id="short-notice-count">\(short)</span> of \(week.changes.count) changes by rebalance came under 48 hours before the visit.</p>
            <table class="carer-changes"><thead><tr><th scope="col">Changed</th><th scope="col">What</th><th scope="col">Visit</th>\
            <th scope="col">Notice</th><th scope="col">Short notice</th><th scope="col">Why</th></tr></thead>
            <tbody>\(rows)</tbody></table>

            """
    }
}

/// How a change reads, on both carer pages.
enum CarerChangeText {
    static func action(_ action: String) -> String {
        switch action {
        case "added": "Visit added"
        case "dropped": "Visit taken off"
        case "moved": "Visit changed"
        default: action
        }
    }

    /// `Mon 2026-11-23 07:30` in the roster's zone (UTC when there is no roster).
    static func local(_ t: Instant, _ handout: Handout?) -> String {
        guard let handout else { return t.description }
        let local = handout.local(t)
        return "\(local.date.weekday.shortName) \(local.date) \(local.time)"
    }
}
