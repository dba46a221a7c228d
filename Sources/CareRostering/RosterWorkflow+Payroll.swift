import CareModel
import CareReports
import CareStore

extension RosterWorkflow {
    /// Payroll lines of a hand-out (per carer per day, with the National Living Wage check),
    /// from the carers' hourly rates and the wage floor of each day of the week.
    public static func payroll(_ db: Connection, _ handout: Handout) throws -> [Payroll.Line] {
        let pay = HandoutRepository(db)
        let rates = try pay.carers(handout.carers).mapValues(\.hourlyRatePence)
        var wage: [LocalDate: Int?] = [:]
        for day in (0..<7).map({ handout.problem.weekStart.adding(days: $0) }) { wage[day] = try pay.livingWage(on: day) }
        return Payroll.lines(handout, rates: rates) { wage[$0] ?? nil }
    }

    /// The payroll CSV of a hand-out (what `roster export` writes as payroll-<hub>-<week>.csv).
    public static func payrollCSV(_ lines: [Payroll.Line]) throws -> String {
        try CSVText.write(Payroll.rows(lines), numericColumns: Payroll.numericColumns)
    }
}
