import Foundation

/// Semantic checks of a decoded document, building the `Problem` as it goes.
struct Validator {
    var issues: [FieldIssue] = []
    /// Whether ids must match `ExternalID` (otherwise only non-empty).
    var strictIDs = true

    mutating func fail(_ path: String, _ problem: String) {
        issues.append(FieldIssue(path: path, problem: problem))
    }

    /// A present value, or an issue saying it is missing.
    mutating func need<T>(_ value: T?, _ path: String) -> T? {
        if value == nil { fail(path, "missing") }
        return value
    }

    mutating func point(_ lat: Double?, _ lon: Double?, _ path: String) -> GeoPoint? {
        guard let lat = need(lat, path + ".lat"), let lon = need(lon, path + ".lon") else { return nil }
        guard let point = GeoPoint(latitude: lat, longitude: lon) else {
            fail(path + ".lat", "latitude must be within −90…90 and longitude within −180…180")
            return nil
        }
        return point
    }

    mutating func instant(_ text: String?, _ path: String) -> Instant? {
        guard let text = need(text, path) else { return nil }
        guard let instant = Instant(rfc3339: text) else {
            fail(path, "not an RFC 3339 timestamp with an offset (like 2026-11-23T07:30:00+00:00)")
            return nil
        }
        if instant.secondsSinceEpoch % 60 != 0 { fail(path, "not a whole minute") }
        return instant
    }

    mutating func uniqueIDs(_ ids: [String?], _ list: String) -> Set<String> {
        var seen = Set<String>()
        for (i, id) in ids.enumerated() {
            guard let id = need(id, "\(list)[\(i)].id") else { continue }
            if let problem = strictIDs ? ExternalID.problem(id) : (id.isEmpty ? "empty" : nil) {
                fail("\(list)[\(i)].id", problem)
                continue
            }
            if !seen.insert(id).inserted { fail("\(list)[\(i)].id", "duplicate id \(id)") }
        }
        return seen
    }

    mutating func skills(_ list: [String]?, _ path: String) -> [String] {
        let skills = list ?? []
        for (i, s) in skills.enumerated() where !Skill.isValidCode(s) {
            fail("\(path)[\(i)]", "not a skill code (lower-case letters, digits and _)")
        }
        if Set(skills).count != skills.count { fail(path, "lists a skill twice") }
        return skills
    }

    mutating func references(_ ids: [String]?, in known: Set<String>, kind: String, _ path: String) -> [String] {
        let ids = ids ?? []
        for (i, id) in ids.enumerated() where !known.contains(id) { fail("\(path)[\(i)]", ExternalID.unknown(kind, id)) }
        if Set(ids).count != ids.count { fail(path, "lists a \(kind) twice") }
        return ids
    }

    mutating func validate(_ raw: RawProblem) -> Problem? {
        if let format = need(raw.format, "format"), format != Problem.format {
            fail("format", "\(format) is not supported; this carehub reads \(Problem.format)")
        }
        let weekStart = need(raw.weekStart, "week_start").flatMap { text -> LocalDate? in
            let date = LocalDate(iso: text)
            if date == nil { fail("week_start", "not a date (YYYY-MM-DD)") }
            return date
        }
        let zone = need(raw.timezone, "timezone")
        if let zone, TimeZone(identifier: zone) == nil { fail("timezone", "unknown time zone \(zone)") }
        var weights = ObjectiveWeights()
        for (key, value) in (raw.weights ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let entry = ObjectiveWeights.keys.first(where: { $0.0 == key }) else {
                fail("weights.\(key)", "unknown weight; known: \(ObjectiveWeights.keys.map(\.0).joined(separator: ", "))")
                continue
            }
            if !ObjectiveWeights.range.contains(value) {
                fail("weights.\(key)", "must be within 0…\(Int(ObjectiveWeights.range.upperBound))")
            }
            weights[keyPath: entry.1] = value
        }
        let rawHubs = need(raw.hubs, "hubs") ?? []
        let rawCarers = need(raw.carers, "carers") ?? []
        let rawClients = need(raw.clients, "clients") ?? []
        let rawVisits = need(raw.visits, "visits") ?? []
        let hubIDs = uniqueIDs(rawHubs.map(\.id), "hubs")
        let carerIDs = uniqueIDs(rawCarers.map(\.id), "carers")
        let clientIDs = uniqueIDs(rawClients.map(\.id), "clients")
        let visitIDs = uniqueIDs(rawVisits.map(\.id), "visits")
        let travel = travelModel(raw.travel, carerIDs: carerIDs, clientIDs: clientIDs)

        let hubs = rawHubs.enumerated().compactMap { i, h -> Problem.Hub? in
            let path = "hubs[\(i)]"
            guard let id = h.id, let location = point(h.lat, h.lon, path) else { return nil }
            return Problem.Hub(id: id, name: h.name ?? id, location: location)
        }
        let carers = rawCarers.enumerated().compactMap { i, c in carer(c, "carers[\(i)]", hubIDs) }
        let modes = transportSettings(raw.travel?.modes)
        if case .matrix(let m) = travel {
            // Every mode a carer uses needs its own matrix: a walker is never timed as a driver.
            for (i, c) in rawCarers.enumerated() {
                if let text = c.transport, let mode = TransportMode(rawValue: text), mode != .car, m.minutesByMode[mode] == nil {
                    fail("carers[\(i)].transport", "\(text) has no matrix in travel.minutes_by_mode")
                }
            }
        }
        let clients = rawClients.enumerated().compactMap { i, c -> Problem.Client? in
            let path = "clients[\(i)]"
            let location = point(c.lat, c.lon, path)
            if let hub = need(c.hub, path + ".hub"), !hubIDs.contains(hub) { fail(path + ".hub", ExternalID.unknown("hub", hub)) }
            let preference = gender(c.genderPreference, path + ".gender_preference", allowed: [.female, .male])
            let excluded = references(c.excludedCarers, in: carerIDs, kind: "carer", path + ".excluded_carers")
            let preferred = references(c.preferredCarers, in: carerIDs, kind: "carer", path + ".preferred_carers")
            for (j, id) in preferred.enumerated() where excluded.contains(id) {
                fail("\(path).preferred_carers[\(j)]", "carer \(id) is also excluded")
            }
            let history = c.history.map { self.history($0, path + ".history") }
            guard let id = c.id, let hub = c.hub, let location else { return nil }
            return Problem.Client(
                id: id, hub: hub, location: location, genderPreference: preference, excludedCarers: excluded, preferredCarers: preferred,
                history: history)
        }
        let visits = rawVisits.enumerated().compactMap { i, v in visit(v, "visits[\(i)]", clientIDs, carerIDs) }
        let links = (raw.links ?? []).enumerated().compactMap { i, l in link(l, "links[\(i)]", visitIDs) }
        let rules = workingRules(raw.rules)
        guard let weekStart, let zone, let travel, issues.isEmpty else { return nil }
        var problem = Problem(
            weekStart: weekStart, timeZone: zone, travel: travel, weights: weights, hubs: hubs, carers: carers,
            clients: clients, visits: visits, links: links, rules: rules)
        problem.travelModes = modes
        return problem
    }

    /// `travel.modes`: per mode, `speed_kmh`, `overhead_minutes` and (public) `access_minutes`;
    /// a car's speed is `travel.speed_kmh`.
    mutating func transportSettings(_ raw: [String: RawTransportSetting]?) -> TransportSettings {
        var settings = TransportSettings.defaults
        for (name, entry) in (raw ?? [:]).sorted(by: { $0.key < $1.key }) {
            let path = "travel.modes.\(name)"
            guard let mode = TransportMode(rawValue: name) else {
                fail(path, "unknown mode; known: \(TransportMode.names)")
                continue
            }
            var setting = settings[mode]
            if let speed = entry.speedKmh {
                let range = TransportSetting.speedRange
                if mode == .car {
                    fail(path + ".speed_kmh", "a car's speed is travel.speed_kmh")
                } else if !range.contains(speed) {
                    fail(path + ".speed_kmh", "must be within \(range.lowerBound)…\(range.upperBound)")
                } else {
                    setting.speedKmh = speed
                }
            }
            let minutes = TransportSetting.minutesRange
            if let overhead = entry.overheadMinutes {
                if minutes.contains(overhead) { setting.overheadMinutes = overhead } else { fail(path + ".overhead_minutes", "must be within 0…120") }
            }
            if let access = entry.accessMinutes {
                if mode != .public {
                    fail(path + ".access_minutes", "only public transport walks to stops")
                } else if minutes.contains(access) {
                    setting.accessMinutes = access
                } else {
                    fail(path + ".access_minutes", "must be within 0…120")
                }
            }
            settings[mode] = setting
        }
        return settings
    }

    mutating func gender(_ text: String?, _ path: String, allowed: [Gender]) -> Gender? {
        guard let text else { return nil }
        guard let g = Gender(rawValue: text), allowed.contains(g) else {
            fail(path, "must be one of \(allowed.map(\.rawValue).joined(separator: ", "))\(allowed.count == 2 ? " or null" : "")")
            return nil
        }
        return g
    }

    mutating func carer(_ c: RawCarer, _ path: String, _ hubIDs: Set<String>) -> Problem.Carer? {
        let location = point(c.lat, c.lon, path)
        if let hub = need(c.hub, path + ".hub"), !hubIDs.contains(hub) { fail(path + ".hub", ExternalID.unknown("hub", hub)) }
        let skillList = skills(c.skills, path + ".skills")
        let g = gender(c.gender, path + ".gender", allowed: Gender.allCases)
        var transport = TransportMode.car
        if let text = c.transport {
            if let mode = TransportMode(rawValue: text) {
                transport = mode
            } else {
                fail(path + ".transport", "must be one of \(TransportMode.names)")
            }
        }
        let contracted = c.contractedMinutes ?? 0
        let maxMinutes = need(c.maxMinutes, path + ".max_minutes") ?? 1
        // Bounded by the week, as the carers import bounds hours by 168: a contract of Int.max
        // minutes made the checker's shortfall sum overflow (the input is kept in fuzz/regressions/problem).
        if !(0...Problem.minutesInWeek).contains(contracted) {
            fail(path + ".contracted_minutes", "must be within 0…\(Problem.minutesInWeek) (a week)")
        }
        if !(1...Problem.minutesInWeek).contains(maxMinutes) { fail(path + ".max_minutes", "must be within 1…\(Problem.minutesInWeek) (a week)") }
        let lendable = references(c.lendableTo, in: hubIDs, kind: "hub", path + ".lendable_to")
        var shifts: [Problem.Interval] = []
        for (j, s) in (c.shifts ?? []).enumerated() {
            let sp = "\(path).shifts[\(j)]"
            guard let start = instant(s.start, sp + ".start"), let end = instant(s.end, sp + ".end") else { continue }
            if end <= start {
                fail(sp + ".end", "not after start")
                continue
            }
            shifts.append(Problem.Interval(start: start, end: end))
        }
        let order = shifts.indices.sorted { shifts[$0].start < shifts[$1].start }
        for (a, b) in zip(order, order.dropFirst()) where shifts[b].start < shifts[a].end {
            fail("\(path).shifts[\(b)]", "overlaps shifts[\(a)]")
        }
        var skillDates: [String: Problem.DateRange] = [:]
        for (skill, range) in (c.skillDates ?? [:]).sorted(by: { $0.key < $1.key }) {
            let dp = "\(path).skill_dates.\(skill)"
            if !skillList.contains(skill) { fail(dp, "not one of the carer's skills") }
            let from = range.from.flatMap { text -> LocalDate? in
                let d = LocalDate(iso: text)
                if d == nil { fail(dp + ".from", "not a date (YYYY-MM-DD)") }
                return d
            }
            let until = range.until.flatMap { text -> LocalDate? in
                let d = LocalDate(iso: text)
                if d == nil { fail(dp + ".until", "not a date (YYYY-MM-DD)") }
                return d
            }
            if let from, let until, until <= from { fail(dp + ".until", "not after from") }
            skillDates[skill] = Problem.DateRange(from: from, until: until)
        }
        guard let id = c.id, let hub = c.hub, let location else { return nil }
        var carer = Problem.Carer(
            id: id, name: c.name ?? id, hub: hub, location: location, skills: skillList, gender: g,
            contractedMinutes: contracted, maxMinutes: maxMinutes, lendableTo: lendable,
            shifts: order.map { shifts[$0] })
        carer.skillDates = skillDates
        carer.returnsHome = c.returnsHome ?? false
        carer.transport = transport
        return carer
    }

    mutating func visit(_ v: RawVisit, _ path: String, _ clientIDs: Set<String>, _ carerIDs: Set<String>) -> Problem.Visit? {
        if let client = need(v.client, path + ".client"), !clientIDs.contains(client) { fail(path + ".client", ExternalID.unknown("client", client)) }
        let start = instant(v.windowStart, path + ".window_start")
        let end = instant(v.windowEnd, path + ".window_end")
        if let start, let end, end < start { fail(path + ".window_end", "before window_start") }
        let duration = need(v.durationMinutes, path + ".duration_minutes") ?? 1
        if duration <= 0 { fail(path + ".duration_minutes", "must be positive") }
        if duration > 1440 { fail(path + ".duration_minutes", "longer than a day") }
        let carers = v.carers ?? 1
        if !Problem.Visit.carerCounts.contains(carers) { fail(path + ".carers", Problem.Visit.carerCountRule) }
        var priority = Priority.normal
        if let text = v.priority {
            if let p = Priority(rawValue: text) { priority = p } else { fail(path + ".priority", "must be home_first, high or normal") }
        }
        let pinned = references(v.pinned, in: carerIDs, kind: "carer", path + ".pinned")
        if pinned.count > carers { fail(path + ".pinned", "more pinned carers than the visit needs") }
        let skillList = skills(v.skills, path + ".skills")
        let late = v.lateAllowedMinutes ?? 0
        let critical = v.timeCritical ?? false
        if !(0...720).contains(late) {
            fail(path + ".late_allowed_minutes", "must be within 0…720")
        } else if critical && late > 0 {
            fail(path + ".late_allowed_minutes", "a time-critical visit may not start late")
        }
        let previous = previousCarers(v.previousCarers ?? [], path + ".previous_carers", carers: carers)
        guard let id = v.id, let client = v.client, let start, let end else { return nil }
        var visit = Problem.Visit(
            id: id, client: client, windowStart: start, windowEnd: end, durationMinutes: duration, skills: skillList,
            carers: carers, priority: priority, pinned: pinned, lateAllowedMinutes: late, timeCritical: critical)
        visit.previousCarers = previous
        return visit
    }

    /// `visits[i].previous_carers`: carer ids in the id pattern (not necessarily of this problem),
    /// each once, no more than the visit needs.
    mutating func previousCarers(_ ids: [String], _ path: String, carers: Int) -> [String] {
        if ids.count > carers { fail(path, "more carers than the visit needs") }
        var seen = Set<String>()
        for (i, carer) in ids.enumerated() {
            if let problem = strictIDs ? ExternalID.problem(carer) : (carer.isEmpty ? "empty" : nil) {
                fail("\(path)[\(i)]", problem)
            } else if !seen.insert(carer).inserted {
                fail("\(path)[\(i)]", "listed twice")
            }
        }
        return ids
    }

    /// `clients[i].history`: carer ids in the id pattern (not necessarily of this problem), each once.
    mutating func history(_ entries: [RawHistory], _ path: String) -> [Problem.HistoryEntry] {
        var seen = Set<String>()
        var out: [Problem.HistoryEntry] = []
        for (i, e) in entries.enumerated() {
            let ep = "\(path)[\(i)]"
            let carer = need(e.carer, ep + ".carer")
            let visits = need(e.visits, ep + ".visits")
            if let carer {
                if let problem = strictIDs ? ExternalID.problem(carer) : (carer.isEmpty ? "empty" : nil) {
                    fail(ep + ".carer", problem)
                } else if !seen.insert(carer).inserted {
                    fail(ep + ".carer", "listed twice")
                }
            }
            if let visits, !(1...Problem.minutesInWeek).contains(visits) { fail(ep + ".visits", "must be within 1…\(Problem.minutesInWeek)") }
            if let carer, let visits { out.append(Problem.HistoryEntry(carer: carer, visits: visits)) }
        }
        return out
    }

    /// `links[i]`: two different known visits and a gap within ±a week, min ≤ max.
    mutating func link(_ l: RawLink, _ path: String, _ visitIDs: Set<String>) -> Problem.Link? {
        let first = need(l.first, path + ".first")
        let second = need(l.second, path + ".second")
        if let first, !visitIDs.contains(first) { fail(path + ".first", ExternalID.unknown("visit", first)) }
        if let second, !visitIDs.contains(second) {
            fail(path + ".second", ExternalID.unknown("visit", second))
        } else if let first, let second, first == second {
            fail(path + ".second", "the same visit as first")
        }
        let week = Problem.minutesInWeek
        let minGap = need(l.minGapMinutes, path + ".min_gap_minutes")
        let maxGap = need(l.maxGapMinutes, path + ".max_gap_minutes")
        for (gap, key) in [(minGap, "min_gap_minutes"), (maxGap, "max_gap_minutes")] {
            if let gap, !(-week...week).contains(gap) { fail("\(path).\(key)", "must be within −\(week)…\(week)") }
        }
        if let minGap, let maxGap, maxGap < minGap { fail(path + ".max_gap_minutes", "less than min_gap_minutes") }
        guard let first, let second, let minGap, let maxGap else { return nil }
        return Problem.Link(
            first: first, second: second, minGapMinutes: minGap, maxGapMinutes: maxGap, differentCarers: l.differentCarers ?? false)
    }

    /// `rules`: missing keys take the defaults; `break_after_minutes: null` turns the break rule off.
    mutating func workingRules(_ raw: RawRules?) -> WorkingRules {
        var rules = WorkingRules()
        guard let raw else { return rules }
        if raw.breakAfterGiven { rules.breakAfterMinutes = raw.breakAfterMinutes }
        if let after = rules.breakAfterMinutes, !WorkingRules.breakAfterRange.contains(after) {
            fail("rules.break_after_minutes", "must be within 1…1440 or null")
        }
        if let minutes = raw.breakMinutes {
            if !WorkingRules.breakMinutesRange.contains(minutes) { fail("rules.break_minutes", "must be within 1…720") }
            rules.breakMinutes = minutes
        }
        return rules
    }

    /// `travel`: haversine (the default) or a matrix naming every carer and client once.
    mutating func travelModel(_ raw: RawTravel?, carerIDs: Set<String>, clientIDs: Set<String>) -> TravelModel? {
        guard let t = raw else { return .standard }
        switch t.model ?? "haversine" {
        case "haversine":
            if t.minutesByMode != nil { fail("travel.minutes_by_mode", "only with model matrix") }
            guard let model = HaversineTravel(speedKmh: t.speedKmh ?? 25.0, roadFactor: t.roadFactor ?? 1.35) else {
                let (speed, road) = (HaversineTravel.speedRange, HaversineTravel.roadFactorRange)
                fail(
                    "travel",
                    "speed_kmh must be within \(speed.lowerBound)…\(speed.upperBound) and road_factor within "
                        + "\(road.lowerBound)…\(road.upperBound)")
                return nil
            }
            return .haversine(model)
        case "matrix":
            return matrix(t, carerIDs: carerIDs, clientIDs: clientIDs)
        case let other:
            fail("travel.model", "unknown model \(other); known: haversine, matrix")
            return nil
        }
    }

    mutating func matrix(_ t: RawTravel, carerIDs: Set<String>, clientIDs: Set<String>) -> TravelModel? {
        let before = issues.count
        let places = need(t.places, "travel.places") ?? []
        let minutes = need(t.minutes, "travel.minutes") ?? []
        var seen = Set<String>()
        for (i, id) in places.enumerated() {
            let path = "travel.places[\(i)]"
            let (carer, client) = (carerIDs.contains(id), clientIDs.contains(id))
            if !carer && !client {
                fail(path, "unknown place \(id)")
            } else if carer && client {
                fail(path, "\(id) names both a carer and a client")
            } else if !seen.insert(id).inserted {
                fail(path, "listed twice")
            }
        }
        if t.places != nil {
            for id in carerIDs.sorted() where !seen.contains(id) { fail("travel.places", "carer \(id) has no place") }
            for id in clientIDs.sorted() where !seen.contains(id) && !carerIDs.contains(id) {
                fail("travel.places", "client \(id) has no place")
            }
        }
        if t.minutes != nil { square(minutes, places.count, "travel.minutes") }
        var byMode: [TransportMode: [[Int]]] = [:]
        for (name, table) in (t.minutesByMode ?? [:]).sorted(by: { $0.key < $1.key }) {
            let path = "travel.minutes_by_mode.\(name)"
            guard let mode = TransportMode(rawValue: name), mode != .car else {
                fail(path, name == "car" ? "a car's matrix is travel.minutes" : "unknown mode; known: \(TransportMode.names)")
                continue
            }
            square(table, places.count, path)
            byMode[mode] = table
        }
        guard issues.count == before else { return nil }
        return .matrix(TravelMatrixModel(places: places, minutes: minutes, minutesByMode: byMode))
    }

    /// A matrix of whole minutes, one row and one column per place, 0 on the diagonal.
    mutating func square(_ minutes: [[Int]], _ count: Int, _ name: String) {
        if minutes.count != count { fail(name, "\(minutes.count) rows for \(count) places") }
        for (i, row) in minutes.enumerated() {
            if row.count != count { fail("\(name)[\(i)]", "\(row.count) entries for \(count) places") }
            for (j, m) in row.enumerated() {
                let path = "\(name)[\(i)][\(j)]"
                if m < 0 {
                    fail(path, "negative")
                } else if m > 1440 {
                    fail(path, "over 1440")
                } else if i == j && m != 0 {
                    fail(path, "must be 0")
                }
            }
        }
    }
}
