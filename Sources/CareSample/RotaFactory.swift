import CareModel

/// Draws carers' shifts (early, late, split, long day) and absences for a week.
enum RotaFactory {
    /// A day's working pattern: (start minute, length) pieces that never overlap.
    private static let patterns: [[(start: Int, minutes: Int)]] = [
        [(7 * 60, 420)],  // early 07:00–14:00
        [(15 * 60 + 30, 420)],  // late 15:30–22:30
        [(7 * 60, 390), (16 * 60 + 30, 360)],  // split 07:00–13:30 and 16:30–22:30
        [(7 * 60, 720)],  // long day 07:00–19:00
    ]

    /// Shifts for `weeks` weeks from `monday`. Carers on a contract keep their first week's rota
    /// line (the same pattern on the same weekdays every week, as providers roster them); zero-hours
    /// carers offer different days each week, drawn from `stream(week)`. The first week is exactly
    /// `shifts(for:weekStart:rng:)` on `stream(0)`.
    static func weeks(for carers: [Carer], monday: LocalDate, weeks: Int, stream: (Int) -> SplitMix64) -> [LocalShift] {
        guard weeks > 0 else { return [] }
        var firstRng = stream(0)
        let line = shifts(for: carers, weekStart: monday, rng: &firstRng)
        let offered = Set(carers.filter(\.zeroHours).map(\.externalID))
        var all = line
        for week in 1..<weeks {
            var rng = stream(week)
            let drawn = shifts(for: carers, weekStart: monday.adding(days: 7 * week), rng: &rng)
            var next = drawn.filter { offered.contains($0.carerID) }
            next += line.filter { !offered.contains($0.carerID) }.map { s in
                LocalShift(carerID: s.carerID, date: s.date.adding(days: 7 * week), start: s.start, minutes: s.minutes)
            }
            all += next
        }
        return all
    }

    static func shifts(for carers: [Carer], weekStart: LocalDate, rng: inout SplitMix64) -> [LocalShift] {
        var shifts: [LocalShift] = []
        for carer in carers {
            let pattern = patterns[rng.weighted([0.3, 0.2, 0.4, 0.1])]
            let daily = pattern.reduce(0) { $0 + $1.minutes }
            // Enough days to cover the contract with room to spare; zero-hours staff offer 2–5.
            let wanted =
                carer.zeroHours
                ? Int.random(in: 2...5, using: &rng)
                : min(6, max(2, (carer.contractedMinutesPerWeek * 5 / 4 + daily - 1) / daily))
            var days = Array(0..<7)
            days.shuffle(using: &rng)
            for day in days.prefix(wanted).sorted() {
                for piece in pattern {
                    guard let start = LocalTime(minutesSinceMidnight: piece.start) else { continue }
                    shifts.append(LocalShift(carerID: carer.externalID, date: weekStart.adding(days: day), start: start, minutes: piece.minutes))
                }
            }
        }
        return shifts
    }

    static func absences(for carers: [Carer], weekStart: LocalDate, rng: inout SplitMix64) -> [LocalAbsence] {
        var absences: [LocalAbsence] = []
        for carer in carers {
            let kind: AbsenceKind
            let length: Int
            if rng.chance(0.04) {
                (kind, length) = (.leave, Int.random(in: 2...5, using: &rng))
            } else if rng.chance(0.03) {
                (kind, length) = (.sickness, Int.random(in: 1...3, using: &rng))
            } else if rng.chance(0.02) {
                (kind, length) = (.training, 1)
            } else {
                continue
            }
            let first = weekStart.adding(days: Int.random(in: 0...(7 - length), using: &rng))
            absences.append(LocalAbsence(carerID: carer.externalID, kind: kind, firstDay: first, lastDay: first.adding(days: length - 1)))
        }
        return absences
    }
}
