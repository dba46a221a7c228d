import CareModel
import CareReports
import CareStore

// Reads each report's rows through the store, as `carehub report` does, so the hand-worked
// figures below check the SQL behind every report definition.

extension RateReport {
    func read(_ db: Connection, from: LocalDate, to: LocalDate, by: ReportGrain, hub: String?) throws -> [RateRow] {
        try PeriodReportRepository(db).rates(function, .init(from: from, to: to, grain: by, hub: hub))
    }

    func anchors(_ db: Connection) throws -> [NationalAnchor] {
        try PeriodReportRepository(db).anchors(anchorMetric.map { [$0] } ?? [])
    }
}

extension DurationReport {
    func read(_ db: Connection, from: LocalDate, to: LocalDate, by: ReportGrain, hub: String?) throws -> [DurationRow] {
        try PeriodReportRepository(db).durations(function, .init(from: from, to: to, grain: by, hub: hub))
    }
}

extension LeaversReport {
    func read(_ db: Connection, from: LocalDate, to: LocalDate, by: ReportGrain, hub: String?) throws -> [LeaversRow] {
        try PeriodReportRepository(db).leavers(by: field, .init(from: from, to: to, grain: by, hub: hub))
    }
}

extension FigureReport {
    func read(_ db: Connection, from: LocalDate, to: LocalDate, by: ReportGrain, hub: String?) throws -> [FigureRow] {
        try PeriodReportRepository(db).figures(function, columns: columns.map(\.name), .init(from: from, to: to, grain: by, hub: hub))
    }

    func anchors(_ db: Connection) throws -> [NationalAnchor] {
        try PeriodReportRepository(db).anchors(notedAnchors)
    }
}

extension FunnelReport {
    static func read(_ db: Connection, from: LocalDate, to: LocalDate, hub: String?) throws -> [FunnelRow] {
        try PeriodReportRepository(db).funnel(.init(from: from, to: to, hub: hub))
    }
}
