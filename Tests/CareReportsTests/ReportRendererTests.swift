import CareModel
import CareReports
import CareStore
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Report renderers")
struct ReportRendererTests {
    /// Every report's text table fits a 100-column terminal, even with wide figures.
    @Test(arguments: ReportName.allCases)
    func textFitsHundredColumns(_ name: ReportName) throws {
        let text = ReportTextRenderer.render(ReportSamples.table(name))
        let wide = text.split(separator: "\n").filter { $0.count > 100 && !$0.hasPrefix("    source:") }
        #expect(wide.isEmpty, "\(name.rawValue): \(wide.first ?? "")")
    }

    /// Every report's JSON parses with a real parser, text with `"` and `\` comes back intact,
    /// whole-number columns are integers and suppressed figures are null.
    @Test(arguments: ReportName.allCases)
    func jsonParses(_ name: ReportName) throws {
        let table = ReportSamples.table(name)
        let json = try ReportFormat.json.render(table)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(document["rows"] as? [[String: Any]])
        #expect(rows.count == table.rows.count)
        #expect(document["report"] as? String == name.rawValue)
        let texts = rows.flatMap { $0.values.compactMap { $0 as? String } }
        if case .leavers = name { #expect(texts.contains(ReportSamples.awkward)) }
    }

    /// JSON keeps types: integers, decimals, text and null for suppressed or unknown figures.
    @Test func jsonTypes() throws {
        let json = try ReportFormat.json.render(ReportSamples.table(.leavers(.byReason)))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let row = try #require((document["rows"] as? [[String: Any]])?.first)
        #expect(row["leavers"] as? Int == 12 && row["share_percent"] as? Double == 3.5 && row["code"] as? String == ReportSamples.awkward)
        let rate = try ReportFormat.json.render(ReportSamples.table(.rate(.turnover)))
        let rateRow = try #require(((try JSONSerialization.jsonObject(with: Data(rate.utf8)) as? [String: Any])?["rows"] as? [[String: Any]])?.first)
        #expect(rateRow["rate"] is NSNull && rateRow["hub"] as? String == "STAF")
    }

    /// CSV is RFC 4180: a header of keys, CRLF line ends, fields with quotes doubled and quoted,
    /// suppressed figures empty.
    @Test func csvQuotes() throws {
        let csv = try ReportFormat.csv.render(ReportSamples.table(.rate(.turnover)))
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "period_end,hub,numerator,denominator,rate")
        #expect(lines[1] == "2026-01-31,STAF,1234.5,23456.25,")
        #expect(lines[2] == "2026-01-31,CANN,1234.5,23456.25,21.45")
        #expect(csv.hasSuffix("\r\n"))
        let leavers = try ReportFormat.csv.render(ReportSamples.table(.leavers(.byReason))).components(separatedBy: "\r\n")
        #expect(leavers[1] == "2026-01-31,STAF,\"Stoke \"\"North\"\" \\ East\",12,345,3.5,10")
    }

    /// The text table prints the column's decimals, `suppressed` and `-`, and the notes.
    @Test func textCells() {
        let text = ReportTextRenderer.render(ReportSamples.table(.rate(.turnover)))
        #expect(text.hasPrefix("turnover: 2026-01-01 to 2026-03-31\n"))
        #expect(text.contains("2026-01-31  STAF"))
        #expect(text.contains("suppressed") && text.contains("21.5"))
        #expect(text.contains("Groups under 10 are suppressed, as Skills for Care does."))
        #expect(text.contains("National turnover_sfc (england_all): 23.1% in 2024/25"))
    }

    /// The HTML table is a pivot: periods down, hubs across (sorted, ALL last), each figure in its cell.
    @Test func htmlPivot() throws {
        let page = try ReportFormat.html.render(ReportSamples.table(.rate(.turnover)))
        let rates = try #require(page.components(separatedBy: "<h2>rate %</h2>").last)
        #expect(page.components(separatedBy: "<h2>").dropFirst().map { $0.prefix { $0 != "<" } } == ["rate %", "leavers", "in post"])
        let header = "<table class=\"pivot\"><tr><th>period end</th><th>CANN</th><th>STAF</th><th>ALL</th></tr>"
        #expect(rates.hasPrefix(header))
        #expect(rates.contains("<tr><th>2026-01-31</th><td>21.5</td><td>suppressed</td><td>21.5</td></tr>"))
        #expect(page.components(separatedBy: "<table class=\"pivot\">").count - 1 == 3)  // numerator, denominator, rate
    }

    /// A figure report shows the newest national figure of each metric it notes, and charts its own.
    @Test func figureAnchorsNewestPerMetric() throws {
        func anchor(_ metric: String, _ period: String, _ value: Double) -> NationalAnchor {
            NationalAnchor(metric: metric, scope: "england", value: value, unit: "pounds", period: period, source: "HCA")
        }
        let anchors = [
            anchor("hca_min_price_hour", "2024/25", 30.32), anchor("hca_min_price_hour", "2025/26", 32.14),
            anchor("la_avg_fee_hour", "2025/26", 24.10), anchor("package_size", "2025/26", 9),
        ]
        let rows = [FigureRow(periodEnd: ReportSamples.to, hub: "ALL", values: [72, 25.49, 32.14, 6.65, 100, 9.7])]
        let table = FigureReport.rateVsMinPrice.table(rows, anchors: anchors, from: ReportSamples.from, to: ReportSamples.to)
        #expect(table.anchors.map(\.value) == [32.14, 24.10])
        let page = try ReportFormat.html.render(table)
        #expect(page.contains("England 32.1 £") && !page.contains("England 30.3"))
    }

    /// Twelve monthly labels on a 720-pixel chart are thinned so that none overlaps the next.
    @Test func axisLabelsDoNotOverlap() throws {
        let ends = (1...12).map { LocalDate(iso: "2026-\($0 < 10 ? "0" : "")\($0)-01")!.adding(days: 27) }
        let rows = ends.map { RateRow(periodEnd: $0, hub: "STAF", numerator: 3, denominator: 14, rate: 21.4) }
        let page = try ReportFormat.html.render(RateReport.turnover.table(rows, anchors: [], from: ends[0], to: ends[11]))
        let start = try #require(page.range(of: "<svg"))
        let end = try #require(page.range(of: "</svg>"))
        let labels = LabelCollector()
        let parser = XMLParser(data: Data(page[start.lowerBound..<end.upperBound].utf8))
        parser.delegate = labels
        #expect(parser.parse())
        #expect(labels.xs.count >= 2 && labels.xs.count < 12)
        let widest = 10 * 6.0  // ten characters at about 6 pixels each
        #expect(zip(labels.xs, labels.xs.dropFirst()).allSatisfy { $1 - $0 >= widest })
        #expect(ReportChartSVG.labelStep(count: 3, labelWidth: widest, plotWidth: 532) == 1)
    }
}

/// Collects the x position of each x-axis label in an SVG.
final class LabelCollector: NSObject, XMLParserDelegate {
    var xs: [Double] = []
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "text", attributes["class"] == "x-label", let x = attributes["x"].flatMap(Double.init) { xs.append(x) }
    }
}
