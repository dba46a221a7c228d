import CareModel
import CareSample
import Testing

@Suite("Sample county")
struct SampleCountyTests {
    static let week = ISOWeek(iso: "2026-W48")!
    static let spec = SampleCountySpec(hubs: 3, clientsPerHub: 60, seed: 11, firstWeek: week, weeks: 2)

    /// The same spec gives the same county; another seed gives another.
    @Test func deterministicForSeed() {
        let a = SampleCountyGenerator.generate(Self.spec)
        let b = SampleCountyGenerator.generate(Self.spec)
        #expect(a.carers == b.carers && a.clients == b.clients && a.packages == b.packages && a.shifts == b.shifts)
        var other = Self.spec
        other.seed = 12
        #expect(SampleCountyGenerator.generate(other).clients != a.clients)
    }

    /// Carers on a contract work the same rota line every week (pattern and weekdays); zero-hours
    /// carers offer days week by week, so some of them change. Week one is the same whether one
    /// week or two are asked for.
    @Test func contractedCarersKeepTheirRotaLine() {
        let county = SampleCountyGenerator.generate(Self.spec)
        let monday = Self.week.monday
        func line(_ carer: String, week: Int) -> [String] {
            county.shifts.filter { $0.carerID == carer && monday.adding(days: 7 * week) <= $0.date && $0.date < monday.adding(days: 7 * week + 7) }
                .map { "\($0.date.weekday) \($0.start) \($0.minutes)" }.sorted()
        }
        let contracted = county.carers.filter { !$0.zeroHours }
        #expect(!contracted.isEmpty)
        for carer in contracted { #expect(line(carer.externalID, week: 0) == line(carer.externalID, week: 1), "\(carer.externalID)") }
        #expect(county.carers.filter(\.zeroHours).contains { line($0.externalID, week: 0) != line($0.externalID, week: 1) })
        var one = Self.spec
        one.weeks = 1
        #expect(SampleCountyGenerator.generate(one).shifts == county.shifts.filter { $0.date < monday.adding(days: 7) })
    }

    /// About a fifth of carers are on zero hours, and their contracts say 0 minutes.
    @Test func contractMix() {
        let county = SampleCountyGenerator.generate(SampleCountySpec(hubs: 5, clientsPerHub: 100, seed: 3, firstWeek: Self.week))
        let zero = county.carers.filter(\.zeroHours)
        let share = Double(zero.count) / Double(county.carers.count)
        #expect((0.12...0.30).contains(share))
        #expect(zero.allSatisfy { $0.contractedMinutesPerWeek == 0 })
        #expect(county.carers.allSatisfy { $0.contractedMinutesPerWeek <= $0.maxMinutesPerWeek })
        #expect(Set(county.carers.map(\.contract)).count == ContractType.allCases.count)
    }

    /// Hoisted clients get double-ups with the hoist skill; Home First clients get reablement
    /// packages that start after their discharge.
    @Test func packageShapes() {
        let county = SampleCountyGenerator.generate(Self.spec)
        let templates = county.packages.flatMap(\.visits)
        let doubles = templates.filter { $0.carersNeeded == 2 }
        #expect(!doubles.isEmpty)
        #expect(doubles.allSatisfy { $0.skills.contains(.hoist) })
        let homeFirst = county.clients.filter(\.homeFirst)
        #expect(!homeFirst.isEmpty)
        for client in homeFirst {
            let package = county.packages.first { $0.clientID == client.externalID }
            #expect(package?.validFrom == client.dischargeDate?.adding(days: 1))
            #expect(package?.visits.allSatisfy { $0.priority == .homeFirst && $0.skills.contains(.reablement) } == true)
        }
        #expect(templates.allSatisfy { $0.validationIssues().isEmpty })
        #expect(Set(templates.map(\.durationMinutes)).isSuperset(of: [30, 45, 60]))
    }

    /// Preferences and exclusions name carers of the client's own hub, never the same carer twice.
    @Test func relationsReferToHubCarers() {
        let county = SampleCountyGenerator.generate(Self.spec)
        let hubOf = Dictionary(uniqueKeysWithValues: county.carers.map { ($0.externalID, $0.hubCode) })
        for client in county.clients {
            for id in client.preferredCarers + client.excludedCarers { #expect(hubOf[id] == client.hubCode) }
            #expect(Set(client.preferredCarers).isDisjoint(with: client.excludedCarers))
        }
        #expect(county.clients.contains { !$0.preferredCarers.isEmpty })
    }

    /// A carer's shifts never overlap, and lie in the requested weeks.
    @Test func shiftsDoNotOverlap() {
        let county = SampleCountyGenerator.generate(Self.spec)
        let first = Self.week.monday
        let last = Self.week.monday.adding(days: 13)
        for (_, shifts) in Dictionary(grouping: county.shifts, by: \.carerID) {
            let spans = shifts.map { ($0.date.daysSinceEpoch * 1440 + $0.start.minutesSinceMidnight, $0.minutes) }.sorted { $0.0 < $1.0 }
            for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.0 + a.1 <= b.0) }
            #expect(shifts.allSatisfy { first <= $0.date && $0.date <= last })
        }
    }

    /// A bad spec is refused field by field.
    @Test func specValidation() {
        let bad = SampleCountySpec(hubs: 99, clientsPerHub: 0, seed: 1, firstWeek: Self.week, weeks: 0)
        #expect(bad.validationIssues().map(\.field) == ["hubs", "clients-per-hub", "weeks"])
    }
}

@Suite("Sample county streams")
struct SampleCountyStreamTests {
    /// A hub's people and first week do not change with the number of hubs or weeks requested,
    /// so `demo seed` (two weeks) and `problem sample` (one) describe the same county.
    @Test func hubsAreIndependentOfSpecSize() {
        let week = ISOWeek(iso: "2026-W48")!
        let small = SampleCountyGenerator.generate(SampleCountySpec(hubs: 2, clientsPerHub: 20, seed: 4, firstWeek: week, weeks: 1))
        let large = SampleCountyGenerator.generate(SampleCountySpec(hubs: 3, clientsPerHub: 20, seed: 4, firstWeek: week, weeks: 2))
        #expect(large.carers.filter { $0.hubCode != "LICH" } == small.carers)
        #expect(large.clients.filter { $0.hubCode != "LICH" } == small.clients)
        let lastDay = week.monday.adding(days: 6)
        let firstWeekShifts = large.shifts.filter { $0.date <= lastDay && !$0.carerID.contains("LICH") }
        #expect(firstWeekShifts == small.shifts)
    }
}

@Suite("Workforce history")
struct HistoryTests {
    /// Same seed, same history; leavers run at roughly a quarter a year; every spell ends after
    /// it starts, and every internal move is followed by a spell that starts the next day.
    @Test func historyShape() {
        let week = ISOWeek(iso: "2026-W48")!
        let county = SampleCountyGenerator.generate(SampleCountySpec(hubs: 1, clientsPerHub: 60, seed: 3, firstWeek: week))
        let until = week.monday.adding(days: -1)
        let a = HistoryFactory.history(hub: "STAF", carers: county.carers, until: until, seed: 3)
        let b = HistoryFactory.history(hub: "STAF", carers: county.carers, until: until, seed: 3)
        #expect(a.spells == b.spells && a.vacancies == b.vacancies && a.formerCarers == b.formerCarers)
        let leaversPerYear = Double(a.spells.filter { $0.leaving.map { !$0.internalMove } ?? false }.count) / 2
        let rate = leaversPerYear / Double(county.carers.count)
        #expect((0.15...0.35).contains(rate))
        #expect(a.spells.allSatisfy { s in s.end.map { $0 >= s.start } ?? true })
        for moved in a.spells where moved.leaving?.internalMove == true {
            #expect(a.spells.contains { $0.carerID == moved.carerID && $0.startedByInternalMove && $0.start == moved.end?.adding(days: 1) })
        }
        #expect(a.vacancies.allSatisfy { v in v.closed.map { $0 >= v.opened && $0 <= until } ?? true })
    }
}
