import CareModel

/// The inline SVG charts of report pages: lines over time (one per hub, the national figure
/// dashed) and horizontal bars. Series are told apart by colour and, for greyscale printing,
/// by dash pattern.
public enum ReportChartSVG {
    static let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f"]
    static let dashes = ["", "6 3", "2 2", "8 3 2 3"]
    /// Chart size and margins in pixels; the right margin holds the series legend.
    static let (width, height, left, bottom, top, right) = (720.0, 300.0, 48.0, 36.0, 16.0, 140.0)
    /// Approximate width of one character of an x-axis label at font size 10, in pixels.
    static let labelCharWidth = 6.0

    public static func render(_ chart: ReportChart, _ report: ReportTable) -> String {
        switch chart {
        case .lines(let x, let series, let value, let metric):
            let anchor = metric.flatMap { m in report.anchors.first { $0.metric == m } }
            return lines(report, x: x, series: series, value: value, anchor: anchor)
        case .bars(let heading, let groups):
            return "<h2>\(PrintableSheets.esc(heading))</h2>" + bars(groups)
        }
    }

    /// Which of `count` evenly spaced x labels to print so that none overlaps the next: every
    /// `step`-th, where `step` periods span at least one label's width plus a gap.
    public static func labelStep(count: Int, labelWidth: Double, plotWidth: Double) -> Int {
        guard count > 1 else { return 1 }
        let spacing = plotWidth / Double(count - 1)
        return max(1, Int(((labelWidth + 8) / spacing).rounded(.up)))
    }

    static func lines(_ report: ReportTable, x xColumn: Int, series seriesColumn: Int, value: Int, anchor: NationalAnchor?) -> String {
        let esc = PrintableSheets.esc
        let points = report.rows.compactMap { row -> (x: String, series: String, value: Double)? in
            guard let x = row[xColumn].text, let s = row[seriesColumn].text, let v = row[value].number else { return nil }
            return (x, s, v)
        }
        let periods = ReportHTMLRenderer.ordered(report.rows.compactMap { $0[xColumn].text }).sorted()
        guard !periods.isEmpty else { return "<p>No data in this period.</p>" }
        let kind = report.columns[value].kind
        let unit = kind == .percent ? "%" : kind.unit.map { " " + ($0 == "hours" ? "h" : $0) } ?? ""
        let maxValue = max(points.map(\.value).max() ?? 0, anchor?.value ?? 0, kind == .percent ? 1 : 0.5)
        let step = kind == .percent ? 10.0 : 1.0
        let yMax = (maxValue / step).rounded(.up) * step
        let plotWidth = width - left - right
        func x(_ i: Int) -> Double { left + (periods.count == 1 ? 0.5 : Double(i) / Double(periods.count - 1)) * plotWidth }
        func y(_ v: Double) -> Double { top + (1 - v / yMax) * (height - top - bottom) }
        func n(_ v: Double) -> String { ReportNumber.fixed(v, 1) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
        svg += "viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        for k in 0...4 {
            let v = yMax * Double(k) / 4
            svg += "<line x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(y(v)))\" y2=\"\(n(y(v)))\" stroke=\"#ddd\"/>"
            let label = ReportNumber.tenths(v) + esc(unit)
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y(v) + 4))\" text-anchor=\"end\" font-size=\"11\">\(label)</text>"
        }
        let labelWidth = Double(periods.map(\.count).max() ?? 0) * labelCharWidth
        let every = labelStep(count: periods.count, labelWidth: labelWidth, plotWidth: plotWidth)
        for (i, p) in periods.enumerated() where i % every == 0 {
            svg += "<text class=\"x-label\" x=\"\(n(x(i)))\" y=\"\(n(height - bottom + 16))\" text-anchor=\"middle\" font-size=\"10\">"
            svg += "\(esc(p))</text>"
        }
        if let anchor {
            let level = n(y(anchor.value))
            svg += "<line class=\"anchor\" x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(level)\" y2=\"\(level)\" "
            svg += "stroke=\"#000\" stroke-dasharray=\"4 4\"/>"
            svg += "<text x=\"\(n(width - right + 4))\" y=\"\(n(y(anchor.value) + 4))\" font-size=\"11\">"
            svg += "England \(n(anchor.value))\(esc(unit))</text>"
        }
        let index = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
        for (k, hub) in ReportHTMLRenderer.seriesOrder(points.map(\.series)).enumerated() {
            let line = points.filter { $0.series == hub }.sorted { $0.x < $1.x }
                .compactMap { p in index[p.x].map { "\(n(x($0))),\(n(y(p.value)))" } }
            let colour = colours[k % colours.count]
            let dash = dashes[k % dashes.count]
            svg += "<polyline class=\"series\" data-hub=\"\(esc(hub))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\""
            svg += dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
            svg += " points=\"\(line.joined(separator: " "))\"/>"
            svg += "<text x=\"\(n(width - right + 4))\" y=\"\(n(top + 14 * Double(k) + 30))\" font-size=\"11\" fill=\"\(colour)\">\(esc(hub))</text>"
        }
        return svg + "</svg>"
    }

    /// Horizontal bars scaled to the largest value; each bar labelled with its series and value.
    static func bars(_ groups: [ReportChart.BarGroup]) -> String {
        let esc = PrintableSheets.esc
        let barHeight = 16
        let labelRight = 210
        let room = 360
        let perGroup = groups.map { max(1, $0.bars.count) * barHeight + 8 }
        let biggest = max(groups.flatMap { $0.bars.compactMap(\.value) }.max() ?? 0, 0.001)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"\(perGroup.reduce(10, +))\" role=\"img\">"
        var y = 5
        for (g, group) in groups.enumerated() {
            svg += "<text x=\"\(labelRight - 8)\" y=\"\(y + 12)\" text-anchor=\"end\" font-size=\"12\">\(esc(group.label))</text>"
            for (k, bar) in group.bars.enumerated() {
                let w = Int((bar.value ?? 0) / biggest * Double(room))
                let top = y + k * barHeight
                svg += "<rect class=\"bar\" data-series=\"\(esc(bar.series))\" x=\"\(labelRight)\" y=\"\(top + 2)\" width=\"\(w)\" "
                svg += "height=\"\(barHeight - 3)\" fill=\"\(colours[k % colours.count])\"/>"
                let shown = bar.value.map { ReportNumber.tenths($0) } ?? "suppressed"
                let label = group.bars.count > 1 ? "\(bar.series) \(shown)" : shown
                svg += "<text x=\"\(labelRight + w + 6)\" y=\"\(top + 13)\" font-size=\"11\">\(esc(label))</text>"
            }
            y += perGroup[g]
        }
        return svg + "</svg>"
    }
}
