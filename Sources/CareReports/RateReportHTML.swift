/// A rate report as one self-contained HTML page: an inline SVG line chart (one series per
/// hub, the national anchor as a dashed reference line) above the table. No scripts, no
/// external files; prints on A4.
public enum RateReportHTML {
    /// Series colours, distinguishable when printed in greyscale by their dash patterns too.
    static let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f"]
    static let dashes = ["", "6 3", "2 2", "8 3 2 3"]

    public static func page(_ report: RateReport, rows: [RateReport.Row], anchors: [RateReport.Anchor], from: String, to: String) -> String {
        let title = "\(report.rawValue): \(from) to \(to)"
        var body = "<h1>\(PrintableSheets.esc(title))</h1><p>\(PrintableSheets.esc(report.definition))</p>"
        let unit = report.isPercentage ? "%" : (report == .costPerHire ? " £" : " days")
        body += chart(rows: rows, anchor: anchors.first { ($0.unit == "percent") == report.isPercentage }, unit: unit)
        body += "<table><tr><th>Period end</th><th>Hub</th><th>\(PrintableSheets.esc(report.columns.0))</th>"
        body += "<th>\(PrintableSheets.esc(report.columns.1))</th><th>\(PrintableSheets.esc(report.rateHeading))</th></tr>"
        for r in rows {
            body += "<tr><td>\(r.periodEnd)</td><td>\(PrintableSheets.esc(r.hub))</td><td>\(fmt(r.numerator))</td>"
            body += "<td>\(fmt(r.denominator))</td><td>\(r.rate.map(fmt) ?? "suppressed")</td></tr>"
        }
        body += "</table><p class=\"muted\">" + (report.isHours ? "Care hours: each carer's time on a double-up counts." : "Groups under 10 are suppressed, as Skills for Care does.") + "</p>"
        for a in anchors {
            body += "<p class=\"muted\">National (\(PrintableSheets.esc(a.scope))): \(fmt(a.value))\(a.unit == "percent" ? "%" : " " + a.unit) in \(PrintableSheets.esc(a.period)); \(PrintableSheets.esc(a.source))</p>"
        }
        return PrintableSheets.page(title, body)
    }

    /// The SVG chart: x = period ends in order, y = rate (0 to a rounded maximum).
    static func chart(rows: [RateReport.Row], anchor: RateReport.Anchor?, unit: String = "%") -> String {
        let periods = Array(Set(rows.map(\.periodEnd))).sorted()
        let hubs = Array(Set(rows.map(\.hub))).sorted { ($0 == "ALL" ? 1 : 0, $0) < ($1 == "ALL" ? 1 : 0, $1) }
        guard !periods.isEmpty else { return "<p>No data in this period.</p>" }
        let (w, h, left, bottom, top, right) = (720.0, 300.0, 48.0, 36.0, 16.0, 140.0)
        let maxRate = max(rows.compactMap(\.rate).max() ?? 0, anchor?.value ?? 0, unit == "%" ? 1 : 0.5)
        let step = unit == "%" ? 10.0 : 1.0
        let yMax = (maxRate / step).rounded(.up) * step
        func x(_ i: Int) -> Double { left + (periods.count == 1 ? 0.5 : Double(i) / Double(periods.count - 1)) * (w - left - right) }
        func y(_ v: Double) -> Double { top + (1 - v / yMax) * (h - top - bottom) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\">"
        for k in 0...4 {
            let v = yMax * Double(k) / 4
            svg += "<line x1=\"\(left)\" x2=\"\(w - right)\" y1=\"\(y(v))\" y2=\"\(y(v))\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y(v) + 4)\" text-anchor=\"end\" font-size=\"11\">\(fmt(v))\(unit)</text>"
        }
        for (i, p) in periods.enumerated() {
            svg += "<text x=\"\(x(i))\" y=\"\(h - bottom + 16)\" text-anchor=\"middle\" font-size=\"10\">\(p)</text>"
        }
        if let anchor {
            svg += "<line class=\"anchor\" x1=\"\(left)\" x2=\"\(w - right)\" y1=\"\(y(anchor.value))\" y2=\"\(y(anchor.value))\" stroke=\"#000\" stroke-dasharray=\"4 4\"/>"
            svg += "<text x=\"\(w - right + 4)\" y=\"\(y(anchor.value) + 4)\" font-size=\"11\">England \(fmt(anchor.value))\(unit)</text>"
        }
        for (n, hub) in hubs.enumerated() {
            let points = periods.enumerated().compactMap { i, p -> String? in
                rows.first { $0.hub == hub && $0.periodEnd == p }?.rate.map { "\(x(i)),\(y($0))" }
            }
            guard !points.isEmpty else { continue }
            let colour = colours[n % colours.count], dash = dashes[n % dashes.count]
            svg += "<polyline class=\"series\" data-hub=\"\(PrintableSheets.esc(hub))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\""
            svg += dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
            svg += " points=\"\(points.joined(separator: " "))\"/>"
            svg += "<text x=\"\(w - right + 4)\" y=\"\(top + 14 * Double(n) + 30)\" font-size=\"11\" fill=\"\(colour)\">\(PrintableSheets.esc(hub))</text>"
        }
        return svg + "</svg>"
    }

    static func fmt(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String((x * 10).rounded() / 10)
    }
}
