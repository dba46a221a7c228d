import CareModel

/// Two years of workforce history for a hub's carers: a spell for every current carer (a few
/// split by an internal move), former carers who left at about the sector's turnover rate with
/// reasons and destinations, and vacancies opened as people left (most filled, some open).
public enum HistoryFactory {
    /// Three to six applications per vacancy moving through interview and offer; a filled
    /// vacancy closes on the day its offer is accepted, then checks clear and the starter starts.
    static func applications(for vacancies: [Vacancy], until: LocalDate, rng: inout SplitMix64) -> [Application] {
        let sources = ["job_board", "referral", "social_media", "local_press", "jobcentre"]
        var out: [Application] = []
        for v in vacancies {
            let count = Int.random(in: 3...6, using: &rng)
            let hired = v.closed.map { _ in Int.random(in: 0..<count, using: &rng) }
            for k in 0..<count {
                var a = Application(
                    externalID: "\(v.externalID)-A\(k + 1)", vacancyID: v.externalID, source: rng.pick(sources),
                    applied: v.opened.adding(days: Int.random(in: 1...10, using: &rng)))
                if let closed = v.closed, k == hired {
                    // Accepted on the day the vacancy closed; checks and start follow.
                    let applied = min(a.applied, closed.adding(days: -3))
                    a.applied = max(v.opened, applied)
                    a.interviewed = min(closed, a.applied.adding(days: 1))
                    a.offered = min(closed, a.applied.adding(days: 2))
                    a.accepted = closed
                    let cleared = closed.adding(days: Int.random(in: 7...35, using: &rng))
                    if cleared <= until { a.checksCleared = cleared }
                    let start = cleared.adding(days: Int.random(in: 1...14, using: &rng))
                    if start <= until { a.started = start }
                } else if rng.chance(0.5) {
                    let interviewed = a.applied.adding(days: Int.random(in: 3...10, using: &rng))
                    guard interviewed <= until else {
                        out.append(a)
                        continue
                    }
                    a.interviewed = interviewed
                    if rng.chance(0.4) {
                        let offered = interviewed.adding(days: Int.random(in: 1...5, using: &rng))
                        if offered <= until {
                            a.offered = offered
                            let answered = offered.adding(days: Int.random(in: 1...7, using: &rng))
                            if answered <= until {
                                if rng.chance(0.6) { a.declined = answered } else { a.withdrawn = answered }
                            }
                        }
                    }
                } else if rng.chance(0.3) {
                    let withdrew = a.applied.adding(days: Int.random(in: 1...20, using: &rng))
                    if withdrew <= until { a.withdrawn = withdrew }
                }
                if a.applied <= until { out.append(a) }
            }
        }
        return out
    }

    /// The history of `carers` (one hub's) up to `until`, deterministic for `seed`.
    public static func history(hub: String, carers: [Carer], until: LocalDate, seed: UInt64)
        -> (
            formerCarers: [Carer], spells: [EmploymentSpell], vacancies: [Vacancy], sickness: [LocalAbsence], applications: [Application],
            costs: [RecruitmentCost]
        )
    {
        // Mixed from the hub code's bytes (not hashValue, which changes between runs).
        var rng = SplitMix64(seed: seed ^ 0x5EED_4157_0000_0001)
        for byte in hub.utf8 { rng = SplitMix64(seed: rng.next() ^ UInt64(byte)) }
        var spells: [EmploymentSpell] = []
        for c in carers {
            let base = EmploymentSpell(
                carerID: c.externalID, hubCode: c.hubCode, contract: c.contract, zeroHours: c.zeroHours,
                contractedMinutes: c.contractedMinutesPerWeek, start: c.startDate, end: c.endDate)
            // About one in twenty moved role or hub within the provider during the last year.
            if rng.chance(0.05), c.startDate.days(to: until) > 400 {
                let moved = until.adding(days: -Int.random(in: 30...330, using: &rng))
                var before = base
                before.end = moved.adding(days: -1)
                before.leaving = LeavingEvent(reason: "internal_move", voluntary: true, internalMove: true)
                var after = base
                after.start = moved
                after.startedByInternalMove = true
                spells += [before, after]
            } else {
                spells.append(base)
            }
        }
        // About one in ten directly employed carers has handed in notice and goes in the next
        // twelve weeks, so roster-linked retention has leavers whose rosters exist. Own stream:
        // the rest of the history does not change with it.
        var notice = SplitMix64(seed: rng.next() ^ 0x0071_CE00)
        for i in spells.indices where spells[i].end == nil && (spells[i].contract == .permanent || spells[i].contract == .temporary) {
            guard notice.chance(0.1) else { continue }
            spells[i].end = until.adding(days: Int.random(in: 14...84, using: &notice))
            let reason = notice.pick(["travel", "hours", "pay", "personal", "career_change"])
            spells[i].leaving = LeavingEvent(
                reason: reason, destination: notice.pick(["other_care_employer", "nhs", "retail", "unknown"]),
                voluntary: true)
        }
        // Leavers over two years at roughly 25% a year of the directly employed.
        let leaverCount = max(1, Int((Double(carers.count) * 0.5).rounded()))
        let reasons: [(String, Double)] = [
            ("pay", 0.22), ("career_change", 0.18), ("personal", 0.2), ("travel", 0.1),
            ("hours", 0.1), ("dismissed", 0.07), ("retired", 0.06), ("end_of_contract", 0.07),
        ]
        let destinations = ["other_care_employer", "nhs", "retail", "not_working", "unknown"]
        var former: [Carer] = []
        var vacancies: [Vacancy] = []
        for n in 1...leaverCount {
            let left = until.adding(days: -Int.random(in: 1...730, using: &rng))
            // New starters leave soonest: a third within their first year.
            let service = rng.chance(0.33) ? Int.random(in: 14...364, using: &rng) : Int.random(in: 365...3000, using: &rng)
            let start = left.adding(days: -service)
            let contract = ContractType.allCases[rng.weighted([0.7, 0.1, 0.1, 0.1])]
            let zero = contract == .bank || contract == .agency ? rng.chance(0.8) : rng.chance(0.1)
            let id = "X-\(hub)-\(pad4(n))"
            let female = rng.chance(0.8)
            former.append(
                Carer(
                    externalID: id, hubCode: hub, givenName: rng.pick(female ? Names.female : Names.male), familyName: rng.pick(Names.family),
                    gender: female ? .female : .male, home: carers.first?.home ?? GeoPoint(latitude: 52.8, longitude: -2.1)!,
                    contract: contract, zeroHours: zero, contractedMinutesPerWeek: zero ? 0 : 1800, maxMinutesPerWeek: 2400,
                    hourlyRatePence: 1250, startDate: start, endDate: left))
            let reason = reasons[rng.weighted(reasons.map(\.1))].0
            spells.append(
                EmploymentSpell(
                    carerID: id, hubCode: hub, contract: contract, zeroHours: zero, contractedMinutes: zero ? 0 : 1800, start: start, end: left,
                    leaving: LeavingEvent(
                        reason: reason, destination: rng.pick(destinations), voluntary: reason != "dismissed" && reason != "end_of_contract")))
            // The post is advertised around the leaving date and usually filled within three months.
            let opened = left.adding(days: -Int.random(in: 0...30, using: &rng))
            let closed = opened.adding(days: Int.random(in: 14...120, using: &rng))
            vacancies.append(
                Vacancy(
                    externalID: "VAC-\(hub)-\(pad4(n))", hubCode: hub, opened: opened,
                    closed: closed <= until ? closed : nil, closeReason: closed <= until ? "filled" : nil))
        }
        // Sickness: most people have none in a year, a few have long spells (a skewed spread, as SfC finds).
        var sickness: [LocalAbsence] = []
        for c in carers + former {
            let from = max(c.startDate, until.adding(days: -730))
            let to = min(c.endDate ?? until, until.adding(days: -10))
            guard from.days(to: to) > 30 else { continue }
            let episodes = rng.chance(0.45) ? 0 : (rng.chance(0.8) ? Int.random(in: 1...2, using: &rng) : Int.random(in: 3...5, using: &rng))
            var taken: [LocalDate] = []
            for _ in 0..<episodes {
                let first = from.adding(days: Int.random(in: 0...(from.days(to: to) - 10), using: &rng))
                let length = rng.chance(0.9) ? Int.random(in: 1...4, using: &rng) : Int.random(in: 10...40, using: &rng)
                let last = min(first.adding(days: length - 1), to)
                // Episodes never overlap one another.
                if taken.contains(where: { abs($0.days(to: first)) < 45 }) { continue }
                taken.append(first)
                sickness.append(LocalAbsence(carerID: c.externalID, kind: .sickness, firstDay: first, lastDay: last))
            }
        }
        // Advertising when a post opens; checks and staff time when it is filled.
        var costs: [RecruitmentCost] = []
        for v in vacancies {
            costs.append(
                RecruitmentCost(
                    hubCode: hub, vacancyID: v.externalID, incurred: v.opened, external: true,
                    pence: Int.random(in: 50...300, using: &rng) * 100))
            if let closed = v.closed {
                costs.append(
                    RecruitmentCost(
                        hubCode: hub, vacancyID: v.externalID, incurred: closed, external: false,
                        pence: Int.random(in: 100...400, using: &rng) * 100))
            }
        }
        return (former, spells, vacancies, sickness, applications(for: vacancies, until: until, rng: &rng), costs)
    }
}
