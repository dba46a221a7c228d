import CareModel

/// The one number formatter for reports: fixed decimals for people to read (text and HTML),
/// the plain value for machines (CSV). Hand-written rather than `String(format:)` so it needs
/// no Foundation locale and rounds halves away from zero, as PostgreSQL's `round` does.
public enum ReportNumber {
    /// `x` with exactly `decimals` decimals (`fixed(21.35, 1)` → `21.4`, `fixed(-75, 1)` → `-75.0`).
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let n = Int((abs(x) * scale).rounded())
        let sign = x < 0 && n > 0 ? "-" : ""
        if decimals <= 0 { return sign + String(n) }
        let whole = n / Int(scale)
        let frac = String(n % Int(scale))
        return sign + "\(whole)." + String(repeating: "0", count: decimals - frac.count) + frac
    }

    /// A whole number without decimals, else Swift's shortest exact form (`3` → `3`, `0.4` → `0.4`).
    public static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }

    /// To one decimal at most, for chart labels (`25` → `25`, `7.25` → `7.3`).
    public static func tenths(_ x: Double) -> String { plain((x * 10).rounded() / 10) }

    /// A cell as people read it: the column's decimals, `suppressed` or `-`.
    public static func display(_ cell: ReportCell, _ column: ReportColumn) -> String {
        switch cell {
        case .text(let s): return s
        case .number(let x): return fixed(x, column.decimals)
        case .suppressed: return "suppressed"
        case .missing: return "-"
        }
    }

    /// A national figure with its unit: `23.1%`, `£32.14 an hour` style units stay as stored.
    public static func anchor(_ a: NationalAnchor) -> String {
        switch a.unit {
        case "percent": return fixed(a.value, 1) + "%"
        case "pounds": return fixed(a.value, 2) + " pounds"
        default: return plain(a.value) + " " + a.unit
        }
    }
}
