import CareReports
import HTTPTypes
import Hummingbird
import NIOCore

/// The CSV and JSON downloads of a report, written by the same renderers as `carehub report
/// --format csv|json`, as attachments named after the report and its days.
enum ReportDownload: String {
    case csv, json

    /// `turnover.csv` → (`turnover`, .csv); a name without a known suffix is the page itself.
    static func split(_ segment: String) -> (name: String, download: ReportDownload?) {
        for format in [ReportDownload.csv, .json] where segment.hasSuffix("." + format.rawValue) {
            return (String(segment.dropLast(format.rawValue.count + 1)), format)
        }
        return (segment, nil)
    }

    var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json"
        }
    }

    func response(_ table: ReportTable, query: ReportQuery) throws -> Response {
        let text = try (self == .csv ? ReportFormat.csv : ReportFormat.json).render(table)
        var headers = HTTPFields()
        headers[.contentType] = contentType
        // Report, days and hub code (no personal data); plain letters, digits, `-`, `.` and `_`, so the
        // quoted filename needs no escaping whatever a hub is called.
        let file = "\(table.name)-\(query.from)-to-\(query.to)\(query.hub.map { "-" + $0 } ?? "").\(rawValue)"
        let safe = String(
            file.unicodeScalars.filter {
                $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "-._".unicodeScalars.contains($0))
            })
        headers[.contentDisposition] = "attachment; filename=\"\(safe)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
