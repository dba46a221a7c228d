/// What an HTML report page draws above its tables.
public enum ReportChart: Sendable, Equatable {
    /// One line per value of `series` (a column index) of the `value` column over the `x`
    /// column, with the national anchor of metric `anchorMetric` as a dashed reference line.
    case lines(x: Int, series: Int, value: Int, anchorMetric: String?)
    /// Horizontal bars, one group per label (a single bar, or paired bars such as leavers and
    /// stayers), under a heading.
    case bars(heading: String, groups: [BarGroup])

    /// One label's bars.
    public struct BarGroup: Sendable, Equatable {
        public var label: String
        public var bars: [Bar]

        public init(label: String, bars: [Bar]) { (self.label, self.bars) = (label, bars) }
    }

    /// One bar: its series name and value (nil draws no bar and prints `suppressed`).
    public struct Bar: Sendable, Equatable {
        public var series: String
        public var value: Double?

        public init(_ series: String, _ value: Double?) { (self.series, self.value) = (series, value) }
    }
}
