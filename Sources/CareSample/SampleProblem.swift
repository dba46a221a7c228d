import CareModel

/// Turns a sample county into one week's `carehub.problem/1` problem: the carers employed that
/// week with their shifts (less absences) and skills valid on Monday, and a visit for every
/// call of every package valid on its day, with windows in Europe/London time.
public enum SampleProblem {
    /// The week's problem for every hub of the county (or only `hubCodes`).
    public static func make(_ county: SampleCounty, week: ISOWeek, hubCodes: Set<String>? = nil) -> Problem {
        let monday = week.monday
        let sunday = monday.adding(days: 6)
        let zoneName = county.hubs.first?.timeZone ?? "Europe/London"
        guard let zone = ZoneOffsets(identifier: zoneName) else { preconditionFailure("sample hubs use a known zone") }
        let inScope = { (hub: String) in hubCodes?.contains(hub) ?? true }
        let hubs = county.hubs.filter { inScope($0.code) }.map { Problem.Hub(id: $0.code, name: $0.name, location: $0.location) }
        let absent = Dictionary(grouping: county.absences, by: \.carerID)
        let shifts = Dictionary(grouping: county.shifts, by: \.carerID)
        let carers = county.carers.filter { c in
            inScope(c.hubCode) && c.startDate <= sunday && (c.endDate.map { $0 >= monday } ?? true)
        }.map { c -> Problem.Carer in
            let off = absent[c.externalID] ?? []
            let week = (shifts[c.externalID] ?? []).filter { s in
                monday <= s.date && s.date <= sunday && !off.contains { $0.firstDay <= s.date && s.date <= $0.lastDay }
            }.map { s -> Problem.Interval in
                let start = zone.instant(date: s.date, minutes: s.start.minutesSinceMidnight)
                return Problem.Interval(start: start, end: start.adding(minutes: s.minutes))
            }
            return Problem.Carer(
                id: c.externalID, name: "\(c.givenName) \(c.familyName)", hub: c.hubCode, location: c.home,
                skills: c.skills.filter { $0.isValid(on: monday) }.map(\.skill.code).sorted(), gender: c.gender,
                contractedMinutes: c.contractedMinutesPerWeek, maxMinutes: c.maxMinutesPerWeek,
                lendableTo: c.lendableTo.filter(inScope), shifts: week)
        }
        let carerIDs = Set(carers.map(\.id))
        let packagesByClient = Dictionary(grouping: county.packages, by: \.clientID)
        var clients: [Problem.Client] = []
        var visits: [Problem.Visit] = []
        for client in county.clients where inScope(client.hubCode) {
            var any = false
            for package in packagesByClient[client.externalID] ?? [] {
                for day in week.days where package.isValid(on: day) {
                    for t in package.visits where t.weekday == day.weekday {
                        any = true
                        visits.append(
                            Problem.Visit(
                                id: "\(package.externalID)-\(day)-\(t.windowStart.description.replacingColon())",
                                client: client.externalID,
                                windowStart: zone.instant(date: day, minutes: t.windowStart.minutesSinceMidnight),
                                windowEnd: zone.instant(date: day, minutes: t.windowEnd.minutesSinceMidnight),
                                durationMinutes: t.durationMinutes, skills: t.skills.map(\.code), carers: t.carersNeeded,
                                priority: t.priority, pinned: []))
                    }
                }
            }
            if any {
                clients.append(
                    Problem.Client(
                        id: client.externalID, hub: client.hubCode, location: client.location, genderPreference: client.genderPreference,
                        excludedCarers: client.excludedCarers.filter(carerIDs.contains),
                        preferredCarers: client.preferredCarers.filter(carerIDs.contains)))
            }
        }
        return Problem(
            weekStart: monday, timeZone: zoneName, travel: .standard,
            hubs: hubs, carers: carers, clients: clients, visits: visits)
    }
}

extension String {
    /// `07:30` → `0730`, for identifiers.
    fileprivate func replacingColon() -> String { filter { $0 != ":" } }
}
