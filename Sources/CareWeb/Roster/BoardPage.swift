import CareModel
import CareReports
import CareStore

/// The roster board: a row per carer, the week's days (or one day) across, each visit a block
/// placed by its time, the travel before it and waits long enough for a break shown as their
/// own blocks, the carer's shifts as the band behind. Unassigned visits sit in a side panel
/// with their reasons.
///
/// Blocks are placed with classes (`s123` starts 123 five-minute steps after midnight, `w6` is
/// thirty minutes wide), not inline styles, because the Content-Security-Policy forbids inline
/// style; the stylesheet has a rule per step (`Stylesheet.board`).
enum BoardPage {
    static func render(_ week: HubWeek, shown: HubWeek.Shown, filter: BoardFilter, session: WebSession, cache: DecodedDocuments) -> String {
        // Everything below the header depends only on the version, its names and the filters,
        // never on who looks: rendered once per version, names and filters.
        let filters = filter.query(version: shown.summary.version, day: filter.day)
        let key = "\(shown.summary.id)|\(shown.generation)|\(shown.summary.status.rawValue)|\(filters)"
        let body = cache.body(key) { Self.body(week, shown: shown, filter: filter) }
        return Layout.page(title: "\(week.hub) \(week.week) board", session: session, body: body, wide: true)
    }

    /// The board's page body.
    static func body(_ week: HubWeek, shown: HubWeek.Shown, filter: BoardFilter) -> String {
        let h = shown.handout
        let clock = LocalClock(zone: h.problem.timeZone)
        let days = filter.day.map { [$0] } ?? week.week.days
        let version = shown.summary.version
        let hubCarers = h.problem.carers.filter { $0.hub == week.hub || h.carers.contains($0.id) }
        let rows = hubCarers.filter { filter.keeps(carer: $0.id) }.compactMap { carer in
            row(carer, handout: h, days: days, clock: clock, filter: filter, week: week, version: version)
        }.joined()
        let dayHeads = days.map { d in
            #"<th scope="col"><a href="\#(week.path)/board?\#(filter.query(version: version, day: d))">\#(d.weekday.shortName) \#(d)</a></th>"#
        }.joined()
        let status = HubWeekPage.statusBadge(shown.summary.status)
        return """
            <h1>\(HTML.escape(week.hub)) · week \(week.week) · board</h1>
            <p>Version \(version) \(status) · <a href="\(week.path)?v=\(version)">hub week</a>\
            \(filter.day == nil ? "" : #" · <a href="\#(week.path)/board?\#(filter.query(version: version, day: nil))">whole week</a>"#)</p>
            \(controls(week, handout: h, filter: filter, version: version, hubCarers: hubCarers))
            <div class="board-wrap">
            <table class="board\(filter.day == nil ? " week" : " day")" id="board">
            <caption>Visits per carer, placed by time (\(filter.day == nil ? "the week" : "one day"), \
            days from 06:00 to 23:00 unless work falls outside them)</caption>
            <thead><tr><th scope="col">Carer</th>\(dayHeads)</tr></thead>
            <tbody>\(rows)</tbody></table>
            \(unassignedPanel(h, days: Set(days), clock: clock, filter: filter, week: week, version: version))
            </div>
            """
    }

    static func controls(_ week: HubWeek, handout h: Handout, filter: BoardFilter, version: Int, hubCarers: [Problem.Carer]) -> String {
        func options(_ values: [(String, String)], selected: String?) -> String {
            #"<option value="">All</option>"#
                + values.map { v in
                    #"<option value="\#(HTML.escape(v.0))"\#(v.0 == selected ? " selected" : "")>\#(HTML.escape(v.1))</option>"#
                }.joined()
        }
        let carers = hubCarers.map { ($0.id, "\($0.id) \(h.carerNames[$0.id] ?? $0.name)") }
        let clients = Set(h.problem.visits.map(\.client)).sorted().map { ($0, h.clientLabel($0) == $0 ? $0 : "\($0) \(h.clientLabel($0))") }
        let skills = Set(h.problem.visits.flatMap(\.skills)).sorted().map { ($0, $0) }
        return """
            <form method="get" action="\(week.path)/board" class="filters noprint">
            <input type="hidden" name="v" value="\(version)">\(filter.day.map { #"<input type="hidden" name="day" value="\#($0)">"# } ?? "")
            <label for="f-carer">Carer</label> <select id="f-carer" name="carer">\(options(carers, selected: filter.carer))</select>
            <label for="f-client">Client</label> <select id="f-client" name="client">\(options(clients, selected: filter.client))</select>
            <label for="f-skill">Skill</label> <select id="f-skill" name="skill">\(options(skills, selected: filter.skill))</select>
            <button type="submit">Filter</button></form>
            """
    }

    /// One carer's row, or nil when filters leave it empty.
    static func row(
        _ carer: Problem.Carer, handout h: Handout, days: [LocalDate], clock: LocalClock, filter: BoardFilter, week: HubWeek, version: Int
    ) -> String? {
        let items = h.items(for: carer.id)
        let kept = items.filter { filter.keeps($0.visit) }
        if !filter.isEmpty && kept.isEmpty && filter.carer == nil { return nil }
        if let skill = filter.skill, !carer.skills.contains(skill), kept.isEmpty { return nil }
        let paid = items.reduce(0) { $0 + $1.visit.durationMinutes + ($1.paidTravel ? $1.travel : 0) }
        let lent = carer.hub != week.hub ? #" <span class="badge lent">lent from \#(HTML.escape(carer.hub))</span>"# : ""
        let cells = days.map { day -> String in
            let focused = Self.withinFocus(kept, shifts: carer.shifts, on: day, clock: clock)
            var blocks = ""
            for shift in carer.shifts { blocks += band(shift.start, shift.end, on: day, clock: clock, cls: "shift", label: "") }
            for item in kept where clock.local(item.start).date == day {
                blocks += block(item, carer: carer.id, handout: h, clock: clock, week: week, version: version)
            }
            return "<td class=\"lane\"><div class=\"track\"><div class=\"hours\(focused ? " focus" : "")\">\(blocks)</div></div></td>"
        }.joined()
        return """
            <tr data-carer="\(HTML.escape(carer.id))"><th scope="row"><a href="\(week.path)/carers/\(HTML.escape(carer.id))">\
            \(HTML.escape(h.carerNames[carer.id] ?? carer.name))</a><br><span class="muted">\(HTML.escape(carer.id)) · \
            \(LocalClock.hours(paid)) of \(LocalClock.hours(carer.contractedMinutes))</span>\(lent)</th>\(cells)</tr>
            """
    }

    /// True when everything of the carer's day lies from 06:00 to 23:00: the row then shows
    /// those hours only, wide enough to read; a day with earlier or later work shows all 24.
    static func withinFocus(_ items: [Handout.Item], shifts: [Problem.Interval], on day: LocalDate, clock: LocalClock) -> Bool {
        let spans = items.map { ($0.start.adding(minutes: -$0.travel - $0.waiting), $0.end) } + shifts.map { ($0.start, $0.end) }
        for (from, to) in spans {
            let (d0, m0) = clock.local(from)
            let (d1, m1) = clock.local(to)
            guard d0 <= day && day <= d1 else { continue }
            if (d0 == day ? m0 : 0) < 6 * 60 || (d1 == day ? m1 : 1440) > 23 * 60 { return false }
        }
        return true
    }

    /// A visit's block with the travel before it and, after a long wait, a break block.
    static func block(_ item: Handout.Item, carer: String, handout h: Handout, clock: LocalClock, week: HubWeek, version: Int) -> String {
        var out = ""
        if item.waiting >= 20 {
            let waitStart = item.start.adding(minutes: -item.travel - item.waiting)
            out += band(
                waitStart, waitStart.adding(minutes: item.waiting), on: nil, clock: clock, cls: "wait", label: "wait or break \(item.waiting) min")
        }
        if item.travel > 0 {
            out += band(
                item.start.adding(minutes: -item.travel), item.start, on: nil, clock: clock, cls: "travel", label: "travel \(item.travel) min")
        }
        let (_, start) = clock.local(item.start)
        let v = item.visit
        let partners = item.partners.isEmpty ? "" : " with " + item.partners.map { h.carerNames[$0] ?? $0 }.joined(separator: ", ")
        let pinned = v.pinned.contains(carer) ? " pinned" : ""
        let client = h.clientLabel(v.client)
        let late = item.lateMinutes
        let lateText = late > 0 ? " (\(late) min late)" : ""
        let label = HTML.escape("\(LocalClock.clock(start))–\(clock.time(item.end)) \(client)\(partners)\(lateText)")
        let id = HTML.escape(v.id)
        let classes =
            "visit s\(start / 5) w\(max(1, (v.durationMinutes + 4) / 5)) \(v.priority.rawValue)\(item.partners.isEmpty ? "" : " double")\(pinned)"
            + (late > 0 ? " late" : "")
        return out + """
            <a class="\(classes)" data-visit="\(id)" href="\(week.path)/visits/\(id)?v=\(version)" \
            title="\(label)">\(Self.priorityMark(v.priority))\
            <span class="t">\(LocalClock.clock(start))</span> \(HTML.escape(client))\
            \(item.partners.isEmpty ? "" : #" <span class="pair" aria-label="double-up\#(HTML.escape(partners))">⧉</span>"#)\
            \(pinned.isEmpty ? "" : #" <span class="pin" aria-label="pinned">📌</span>"#)\
            \(late > 0 ? #" <span class="lateness" aria-hidden="true">+\#(late)′</span>"# : "")<span class="sr">, \(label), \
            \(v.priority.rawValue) priority</span></a>
            """
    }

    /// A visible mark for the priorities above normal, so colour is not the only signal.
    static func priorityMark(_ p: Priority) -> String {
        switch p {
        case .homeFirst: #"<span class="prio" aria-hidden="true">HF</span>"#
        case .high: #"<span class="prio" aria-hidden="true">!</span>"#
        default: ""
        }
    }

    /// A band from `from` to `to` clipped to one local day (`on`, or the day `from` falls on).
    static func band(_ from: Instant, _ to: Instant, on day: LocalDate?, clock: LocalClock, cls: String, label: String) -> String {
        let (d0, m0) = clock.local(from)
        let (d1, m1) = clock.local(to)
        let day = day ?? d0
        guard d0 <= day && day <= d1 else { return "" }
        let start = d0 == day ? m0 : 0
        let end = d1 == day ? m1 : 1440
        guard end > start else { return "" }
        let title = label.isEmpty ? "" : #" title="\#(HTML.escape(label))""#
        return #"<span class="\#(cls) s\#(start / 5) w\#(max(1, (end - start + 4) / 5))"\#(title) aria-hidden="true"></span>"#
    }

    static func unassignedPanel(
        _ h: Handout, days: Set<LocalDate>, clock: LocalClock, filter: BoardFilter, week: HubWeek, version: Int
    ) -> String {
        let visits = Dictionary(h.problem.visits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let items = h.roster.unassigned.compactMap { u -> (Problem.Visit, String)? in
            guard let v = visits[u.visit], filter.keeps(v), days.contains(clock.local(v.windowStart).date) else { return nil }
            return (v, u.reason)
        }.sorted { $0.0.windowStart < $1.0.windowStart }
        let list = items.map { v, reason in
            """
            <li data-unassigned="\(HTML.escape(v.id))"><a href="\(week.path)/visits/\(HTML.escape(v.id))?v=\(version)">\
            \(clock.stamp(v.windowStart))–\(clock.time(v.windowEnd)) \(HTML.escape(h.clientLabel(v.client)))</a> \
            <span class="badge \(v.priority.rawValue)">\(v.priority.rawValue)</span>\(v.carers > 1 ? " (\(v.carers) carers)" : "")<br>\
            <span class="reason">\(HTML.escape(reason))</span></li>
            """
        }.joined()
        return """
            <aside class="unassigned" aria-labelledby="unassigned-h"><h2 id="unassigned-h">Unassigned (\(items.count))</h2>\
            \(items.isEmpty ? "<p>None.</p>" : "<ul>\(list)</ul>")</aside>
            """
    }
}
