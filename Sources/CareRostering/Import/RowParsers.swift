import CareModel
import CareStore
import Foundation

/// Turns validated CSV records into writes. Each parser reports every bad field of every row.
enum RowParsers {
    typealias Write = (ImportWriter) throws -> ImportChange

    static func parse(_ kind: ImportKind, _ file: CSVFile, _ known: References) -> ([(Int, Write)], [ImportIssue]) {
        var refs = known
        var writes: [(Int, Write)] = []
        var issues: [ImportIssue] = []
        var seen: [String: Int] = [:]
        func once(_ key: String, _ line: Int, _ what: String) -> Bool {
            if let first = seen[key] {
                issues.append(ImportIssue(line: line, column: nil, problem: "duplicate \(what) (first on line \(first))"))
                return false
            }
            seen[key] = line
            return true
        }
        switch kind {
        case .hubs:
            for record in file.records {
                var r = RowReader(record)
                let code = r.text("code"), name = r.text("name"), place = r.point("lat", "lon")
                let zone = r.optionalText("timezone") ?? "Europe/London"
                if let code, code.range(of: "^[A-Z0-9][A-Z0-9_-]{0,31}$", options: .regularExpression) == nil {
                    r.fail("code", "use 1–32 upper-case letters, digits, - or _")
                }
                if ZoneOffsets(identifier: zone) == nil { r.fail("timezone", "unknown time zone \(zone)") }
                issues += r.issues
                if r.issues.isEmpty, let code, let name, let place, once(code, record.line, "code \(code)") {
                    let hub = Hub(code: code, name: name, location: place, timeZone: zone)
                    writes.append((record.line, { try $0.upsert(hub) }))
                }
            }
        case .carers:
            // Carers in this file may lend to hubs and be referred to by later files only.
            for record in file.records {
                var r = RowReader(record)
                let value = carer(&r, refs)
                issues += r.issues
                if let value, once(value.externalID, record.line, "external_id \(value.externalID)") {
                    writes.append((record.line, { try $0.upsert(value) }))
                    refs.carers.insert(value.externalID)
                }
            }
        case .skills:
            for record in file.records {
                var r = RowReader(record)
                let id = r.text("carer"), skill = r.skills("skill").first
                let from = r.date("qualified_on"), until = r.date("expires_on", required: false)
                if let id, !refs.carers.contains(id) { r.fail("carer", "unknown carer \(id)") }
                if record["skill"].isEmpty { r.fail("skill", "required") }
                if let from, let until, until <= from { r.fail("expires_on", "not after qualified_on") }
                issues += r.issues
                if r.issues.isEmpty, let id, let skill, let from, once("\(id)|\(skill)", record.line, "skill \(skill) for \(id)") {
                    let s = CarerSkill(skill: skill, qualifiedOn: from, expiresOn: until)
                    writes.append((record.line, { try $0.upsertSkill(carer: id, s) }))
                }
            }
        case .shifts:
            var days: [String: (line: Int, carer: String, date: LocalDate, shifts: [LocalShift])] = [:]
            var order: [String] = []
            for record in file.records {
                var r = RowReader(record)
                let id = r.text("carer"), date = r.date("date"), start = r.time("start"), end = r.time("end")
                if let id, !refs.carers.contains(id) { r.fail("carer", "unknown carer \(id)") }
                if let start, let end, start == end { r.fail("end", "same as start") }
                issues += r.issues
                guard r.issues.isEmpty, let id, let date, let start, let end else { continue }
                // An end at or before the start means the shift runs past midnight.
                let minutes = (end.minutesSinceMidnight - start.minutesSinceMidnight + 1440) % 1440
                let key = "\(id)|\(date)"
                if days[key] == nil { order.append(key) }
                let shift = LocalShift(carerID: id, date: date, start: start, minutes: minutes)
                if let clash = days[key]?.shifts.first(where: { overlaps($0, shift) }) {
                    issues.append(ImportIssue(line: record.line, column: "start", problem: "overlaps the shift starting \(clash.start)"))
                }
                days[key, default: (record.line, id, date, [])].shifts.append(shift)
            }
            for key in order {
                guard let day = days[key] else { continue }
                writes.append((day.line, { try $0.replaceShifts(carer: day.carer, date: day.date, shifts: day.shifts) }))
            }
        case .absences:
            for record in file.records {
                var r = RowReader(record)
                let id = r.text("carer"), absenceKind = r.choice("kind", AbsenceKind.self)
                let first = r.date("first_day"), last = r.date("last_day")
                if let id, !refs.carers.contains(id) { r.fail("carer", "unknown carer \(id)") }
                if let first, let last, last < first { r.fail("last_day", "before first_day") }
                var lost: Double?
                if let text = r.optionalText("working_days_lost") {
                    if let x = Double(text), x >= 0, x <= 366 { lost = x } else { r.fail("working_days_lost", "must be 0…366") }
                }
                issues += r.issues
                if r.issues.isEmpty, let id, let absenceKind, let first, let last {
                    let a = LocalAbsence(carerID: id, kind: absenceKind, firstDay: first, lastDay: last)
                    let reason = r.optionalText("reason")
                    writes.append((record.line, { try $0.upsertAbsence(a, reason: reason, workingDaysLost: lost) }))
                }
            }
        case .spells:
            for record in file.records {
                var r = RowReader(record)
                let id = r.text("carer"), hub = r.text("hub"), contract = r.choice("contract_type", ContractType.self)
                let zero = r.bool("zero_hours"), hoursText = r.optionalText("contracted_hours")
                let start = r.date("start_date"), end = r.date("end_date", required: false)
                let internalStart = r.bool("started_by_internal_move")
                let reason = r.optionalText("leave_reason"), destination = r.optionalText("leave_destination")
                let voluntary = r.bool("voluntary", default: true), internalMove = r.bool("internal_move")
                var minutes = 0
                if let hoursText {
                    if let h = Double(hoursText), h >= 0, h <= 168 { minutes = Int((h * 60).rounded()) } else { r.fail("contracted_hours", "must be 0…168") }
                }
                if let id, !refs.carers.contains(id) { r.fail("carer", "unknown carer \(id)") }
                if let hub, !refs.hubs.contains(hub) { r.fail("hub", "unknown hub \(hub)") }
                if let start, let end, end < start { r.fail("end_date", "before start_date") }
                if zero && minutes > 0 { r.fail("contracted_hours", "must be 0 on a zero-hours contract") }
                if reason != nil && end == nil { r.fail("leave_reason", "given but end_date is empty") }
                issues += r.issues
                if r.issues.isEmpty, let id, let hub, let contract, let start, once("\(id)|\(start)", record.line, "spell of \(id) starting \(start)") {
                    let leaving = end.map { _ in LeavingEvent(reason: reason ?? "unknown", destination: destination, voluntary: voluntary, internalMove: internalMove) }
                    let spell = EmploymentSpell(carerID: id, hubCode: hub, contract: contract, zeroHours: zero, contractedMinutes: minutes, start: start,
                                                end: end, startedByInternalMove: internalStart, leaving: leaving)
                    writes.append((record.line, { try $0.upsert(spell) }))
                }
            }
        case .vacancies:
            for record in file.records {
                var r = RowReader(record)
                let id = r.text("external_id"), hub = r.text("hub"), opened = r.date("opened_on"), closed = r.date("closed_on", required: false)
                if let hub, !refs.hubs.contains(hub) { r.fail("hub", "unknown hub \(hub)") }
                if let opened, let closed, closed < opened { r.fail("closed_on", "before opened_on") }
                issues += r.issues
                if r.issues.isEmpty, let id, let hub, let opened, once(id, record.line, "external_id \(id)") {
                    let v = Vacancy(externalID: id, hubCode: hub, opened: opened, closed: closed, closeReason: r.optionalText("close_reason"))
                    writes.append((record.line, { try $0.upsert(v) }))
                    refs.vacancies.insert(id)
                }
            }
        case .applications:
            for record in file.records {
                var r = RowReader(record)
                let id = r.text("external_id"), vacancy = r.text("vacancy"), applied = r.date("applied_on")
                var dates: [String: LocalDate] = [:]
                for column in ["interviewed_on", "offered_on", "accepted_on", "declined_on", "checks_cleared_on", "withdrawn_on", "started_on"] {
                    if let d = r.date(column, required: false) { dates[column] = d }
                }
                if let vacancy, !refs.vacancies.contains(vacancy) { r.fail("vacancy", "unknown vacancy \(vacancy)") }
                if let applied { for (column, d) in dates.sorted(by: { $0.key < $1.key }) where d < applied { r.fail(column, "before applied_on") } }
                if dates["accepted_on"] != nil && dates["offered_on"] == nil { r.fail("accepted_on", "no offered_on") }
                if dates["declined_on"] != nil && dates["offered_on"] == nil { r.fail("declined_on", "no offered_on") }
                if dates["accepted_on"] != nil && dates["declined_on"] != nil { r.fail("declined_on", "both accepted and declined") }
                if let o = dates["offered_on"], let a = dates["accepted_on"], a < o { r.fail("accepted_on", "before offered_on") }
                if (dates["started_on"] != nil || dates["checks_cleared_on"] != nil) && dates["accepted_on"] == nil {
                    r.fail(dates["started_on"] != nil ? "started_on" : "checks_cleared_on", "no accepted_on")
                }
                if let a = dates["accepted_on"], let s = dates["started_on"], s < a { r.fail("started_on", "before accepted_on") }
                issues += r.issues
                if r.issues.isEmpty, let id, let vacancy, let applied, once(id, record.line, "external_id \(id)") {
                    var a = Application(externalID: id, vacancyID: vacancy, source: r.optionalText("source") ?? "unknown", applied: applied)
                    a.interviewed = dates["interviewed_on"]; a.offered = dates["offered_on"]; a.accepted = dates["accepted_on"]
                    a.declined = dates["declined_on"]; a.checksCleared = dates["checks_cleared_on"]; a.withdrawn = dates["withdrawn_on"]
                    a.started = dates["started_on"]
                    writes.append((record.line, { try $0.upsert(a) }))
                }
            }
        case .costs:
            for record in file.records {
                var r = RowReader(record)
                let id = r.text("external_id"), hub = r.text("hub"), incurred = r.date("incurred_on")
                let kind = r.text("cost_type").map { $0.lowercased() }
                let pounds = r.number("amount", in: 0.01...1_000_000)
                let vacancy = r.optionalText("vacancy")
                if let hub, !refs.hubs.contains(hub) { r.fail("hub", "unknown hub \(hub)") }
                if let kind, kind != "external" && kind != "internal" { r.fail("cost_type", "must be external or internal") }
                if let vacancy, !refs.vacancies.contains(vacancy) { r.fail("vacancy", "unknown vacancy \(vacancy)") }
                issues += r.issues
                if r.issues.isEmpty, let id, let hub, let incurred, let kind, let pounds, once(id, record.line, "external_id \(id)") {
                    let cost = RecruitmentCost(hubCode: hub, vacancyID: vacancy, incurred: incurred, external: kind == "external",
                                               pence: Int((pounds * 100).rounded()))
                    writes.append((record.line, { try $0.upsert(cost, id: id) }))
                }
            }
        case .discharges:
            for record in file.records {
                var r = RowReader(record)
                let id = r.text("external_id"), hub = r.text("hub"), age = r.int("age_at_discharge", in: 0...120)
                let discharged = r.date("discharge_date"), ready = r.date("discharge_ready_date", required: false)
                let pathway = r.int("pathway", in: 0...3), reablement = r.date("reablement_start", required: false)
                let council = r.bool("council_funded", default: true)
                var status: HospitalDischarge.Status?
                if !record["status_at_91"].isEmpty { status = r.choice("status_at_91", HospitalDischarge.Status.self) }
                let client = r.optionalText("client")
                if let hub, !refs.hubs.contains(hub) { r.fail("hub", "unknown hub \(hub)") }
                if let client, !refs.clients.contains(client) { r.fail("client", "unknown client \(client)") }
                if let ready, let discharged, ready > discharged { r.fail("discharge_ready_date", "after discharge_date") }
                if let reablement, let discharged, reablement < discharged { r.fail("reablement_start", "before discharge_date") }
                issues += r.issues
                if r.issues.isEmpty, let id, let hub, let age, let discharged, let pathway, once(id, record.line, "external_id \(id)") {
                    let d = HospitalDischarge(externalID: id, hubCode: hub, clientID: client, ageAtDischarge: age, dischargeReady: ready,
                                              discharged: discharged, pathway: pathway, reablementStart: reablement, councilFunded: council,
                                              statusAt91: status)
                    writes.append((record.line, { try $0.upsert(d) }))
                }
            }
        case .commissions:
            for record in file.records {
                var r = RowReader(record)
                let id = r.text("package"), client = r.text("client"), funder = r.choice("funder", FundingStream.self)
                let hours = r.optionalNumber("commissioned_hours", in: 0.01...504), rate = r.optionalNumber("hourly_rate", in: 0...1000)
                let requested = r.date("requested_on", required: false), started = r.date("started_on", required: false)
                let ended = r.date("ended_on", required: false)
                var reason: PackageCommission.EndReason?
                if !record["end_reason"].isEmpty { reason = r.choice("end_reason", PackageCommission.EndReason.self) }
                if let client, !refs.clients.contains(client) { r.fail("client", "unknown client \(client)") }
                if let requested, let started, started < requested { r.fail("started_on", "before requested_on") }
                if let started, let ended, ended < started { r.fail("ended_on", "before started_on") }
                if reason != nil && ended == nil { r.fail("ended_on", "required with end_reason") }
                issues += r.issues
                if r.issues.isEmpty, let id, let client, let funder, once(id, record.line, "package \(id)") {
                    let c = PackageCommission(packageID: id, clientID: client, funder: funder, commissionedHours: hours, hourlyRate: rate,
                                              requestedOn: requested, startedOn: started, endedOn: ended, endReason: reason)
                    writes.append((record.line, { try $0.upsert(c) }))
                }
            }
        case .outcomes:
            for record in file.records {
                var r = RowReader(record)
                let visit = r.int("visit", in: 1...999_999_999_999), status = r.choice("status", VisitOutcome.Status.self)
                var start: Instant?
                if !record["actual_start"].isEmpty {
                    start = Instant(rfc3339: record["actual_start"])
                    if start == nil { r.fail("actual_start", "bad time (expected RFC 3339, e.g. 2026-11-23T08:05:00Z)") }
                }
                let minutes = record["actual_minutes"].isEmpty ? nil : r.int("actual_minutes", in: 0...1440)
                if let status, status != .delivered, start != nil || minutes != nil {
                    r.fail(start != nil ? "actual_start" : "actual_minutes", "only for a delivered visit")
                }
                issues += r.issues
                if r.issues.isEmpty, let visit, let status, once(String(visit), record.line, "visit \(visit)") {
                    let o = VisitOutcome(visitID: visit, status: status, actualStart: start, actualMinutes: minutes)
                    writes.append((record.line, { try $0.record(o) }))
                }
            }
        case .clients:
            for record in file.records {
                var r = RowReader(record)
                let value = client(&r, refs)
                issues += r.issues
                if let value, once(value.externalID, record.line, "external_id \(value.externalID)") {
                    writes.append((record.line, { try $0.upsert(value) }))
                }
            }
        case .packages:
            var packages: [String: (line: Int, package: CarePackage)] = [:]
            var order: [String] = []
            for record in file.records {
                var r = RowReader(record)
                guard let (package, call) = packageRow(&r, refs) else { issues += r.issues; continue }
                issues += r.issues
                if let existing = packages[package.externalID] {
                    let p = existing.package
                    if p.clientID != package.clientID || p.validFrom != package.validFrom || p.validTo != package.validTo {
                        issues.append(ImportIssue(line: record.line, column: "client", problem: "client or validity differs from line \(existing.line) of the same package"))
                    }
                    packages[package.externalID]?.package.visits.append(call)
                } else {
                    order.append(package.externalID)
                    packages[package.externalID] = (record.line, package)
                }
            }
            for id in order {
                guard let entry = packages[id] else { continue }
                writes.append((entry.line, { try $0.upsert(entry.package) }))
            }
        }
        return (writes, issues)
    }

    private static func overlaps(_ a: LocalShift, _ b: LocalShift) -> Bool {
        let a0 = a.start.minutesSinceMidnight, b0 = b.start.minutesSinceMidnight
        return a0 < b0 + b.minutes && b0 < a0 + a.minutes
    }

    private static func carer(_ r: inout RowReader, _ refs: References) -> Carer? {
        let id = r.text("external_id"), hub = r.text("hub"), given = r.text("given_name")
        let family = r.record["family_name"]
        let gender = r.choice("gender", Gender.self, default: .unknown)
        let home = r.point("home_lat", "home_lon")
        let contract = r.choice("contract_type", ContractType.self)
        let zero = r.bool("zero_hours")
        let contracted = r.number("contracted_hours", in: 0...168), maxHours = r.number("max_hours", in: 0.5...168)
        let rate = r.number("hourly_rate", in: 0.01...1000)
        let start = r.date("start_date"), end = r.date("end_date", required: false)
        let lend = r.list("lendable_to")
        if let hub, !refs.hubs.contains(hub) { r.fail("hub", "unknown hub \(hub)") }
        for h in lend where !refs.hubs.contains(h) { r.fail("lendable_to", "unknown hub \(h)") }
        if let contracted, let maxHours, contracted > maxHours { r.fail("contracted_hours", "more than max_hours") }
        if zero, let contracted, contracted > 0 { r.fail("contracted_hours", "must be 0 on a zero-hours contract") }
        if let start, let end, end < start { r.fail("end_date", "before start_date") }
        guard r.issues.isEmpty, let id, let hub, let given, let gender, let home, let contract, let contracted, let maxHours,
            let rate, let start
        else { return nil }
        return Carer(
            externalID: id, hubCode: hub, givenName: given, familyName: family, gender: gender, home: home, contract: contract,
            zeroHours: zero, contractedMinutesPerWeek: Int((contracted * 60).rounded()), maxMinutesPerWeek: Int((maxHours * 60).rounded()),
            hourlyRatePence: Int((rate * 100).rounded()), startDate: start, endDate: end, lendableTo: lend.filter { $0 != hub })
    }

    private static func client(_ r: inout RowReader, _ refs: References) -> Client? {
        let id = r.text("external_id"), hub = r.text("hub"), given = r.text("given_name")
        let family = r.record["family_name"], postcode = r.text("postcode")
        let place = r.point("lat", "lon")
        var preference: Gender?
        if !r.record["gender_preference"].isEmpty {
            preference = r.choice("gender_preference", Gender.self)
            if let p = preference, p != .female && p != .male { r.fail("gender_preference", "must be female or male"); preference = nil }
        }
        let funding = r.choice("funding", FundingStream.self)
        let homeFirst = r.bool("home_first")
        let discharge = r.date("discharge_date", required: false), birth = r.date("date_of_birth", required: false)
        let preferred = r.list("preferred_carers"), excluded = r.list("excluded_carers")
        if let hub, !refs.hubs.contains(hub) { r.fail("hub", "unknown hub \(hub)") }
        for c in preferred where !refs.carers.contains(c) { r.fail("preferred_carers", "unknown carer \(c)") }
        for c in excluded where !refs.carers.contains(c) { r.fail("excluded_carers", "unknown carer \(c)") }
        for c in preferred where excluded.contains(c) { r.fail("preferred_carers", "carer \(c) is also excluded") }
        if homeFirst && discharge == nil { r.fail("discharge_date", "required for a Home First client") }
        guard r.issues.isEmpty, let id, let hub, let given, let postcode, let place, let funding else { return nil }
        return Client(
            externalID: id, hubCode: hub, givenName: given, familyName: family, postcode: postcode, location: place,
            genderPreference: preference, leadProfessional: r.optionalText("lead_professional"), funding: funding, homeFirst: homeFirst,
            dischargeDate: discharge, dateOfBirth: birth, excludedCarers: excluded, preferredCarers: preferred)
    }

    private static func packageRow(_ r: inout RowReader, _ refs: References) -> (CarePackage, VisitTemplate)? {
        let id = r.text("package"), clientID = r.text("client")
        let from = r.date("valid_from"), to = r.date("valid_to", required: false)
        let dayText = r.text("weekday")
        let day = dayText.flatMap(Weekday.init(text:))
        if dayText != nil && day == nil { r.fail("weekday", "expected 1–7 or Mon…Sun") }
        let start = r.time("window_start"), end = r.time("window_end")
        let minutes = r.int("duration_minutes", in: 1...1440)
        let skills = r.skills("skills")
        let carers = r.int("carers", in: 1...3, default: 1)
        let priority = r.choice("priority", Priority.self, default: .normal)
        if let clientID, !refs.clients.contains(clientID) { r.fail("client", "unknown client \(clientID)") }
        if let start, let end, end < start { r.fail("window_end", "before window_start") }
        if let from, let to, to < from { r.fail("valid_to", "before valid_from") }
        guard r.issues.isEmpty, let id, let clientID, let from, let day, let start, let end, let minutes, let carers, let priority else { return nil }
        let call = VisitTemplate(weekday: day, windowStart: start, windowEnd: end, durationMinutes: minutes, skills: skills,
                                 carersNeeded: carers, priority: priority)
        return (CarePackage(externalID: id, clientID: clientID, validFrom: from, validTo: to, visits: [call]), call)
    }
}
