/// The formats every report is written in, each by its one renderer.
public enum ReportFormat: String, CaseIterable, Sendable {
    case table, csv, json, html

    /// `report` in this format.
    public func render(_ report: ReportTable) throws -> String {
        switch self {
        case .table: return ReportTextRenderer.render(report)
        case .csv: return try ReportCSVRenderer.render(report)
        case .json: return try ReportJSONRenderer.render(report)
        case .html: return ReportHTMLRenderer.render(report)
        }
    }
}
