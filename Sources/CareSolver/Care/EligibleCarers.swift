import CareModel

/// Which carers may do a visit: those who may work for the client's hub (its own and those
/// lendable to it) who hold every skill the visit needs at both ends of its window, whom the
/// client has not excluded, and of the client's preferred gender, if any. Ascending.
///
/// Visits that ask the same question get the same array, one buffer shared by all of them. The
/// answer depends only on the hub, the visit's skills, the client's gender preference, the
/// client's exclusions (when there are any) and, for carers whose skills are dated, the local
/// days of the window's ends. In one hub of 4,110 carers and 99,878 visits a list per visit
/// took 3.5 GB of the compile's peak (heaptrack) and a fifth of its time; shared, the same
/// answers take a few hundred lists.
struct EligibleCarers {
    private let problem: Problem
    private let zone: ZoneOffsets?
    /// `hubCarers[hub]`: carers who may work for the hub, ascending.
    private let hubCarers: [String: [Int]]

    /// The hub's carers with a set of skills (on some date at least) and of a gender.
    private struct Group {
        let carers: [Int]
        /// `dated[i]`: `carers[i]` holds one of the skills only on some days.
        let dated: [Bool]
        let anyDated: Bool
    }
    private struct GroupKey: Hashable {
        let hub: String
        let skills: [String]
        let gender: Gender?
    }
    /// A group's list for one client (-1: any client without exclusions) on one pair of local days
    /// (0 when no carer's skills are dated).
    private struct ListKey: Hashable {
        let group, client, startDay, endDay: Int
    }
    private var groupIndex: [GroupKey: Int] = [:]
    private var groups: [Group] = []
    private var lists: [ListKey: [Int]] = [:]

    init(problem: Problem, zone: ZoneOffsets?) {
        self.problem = problem
        self.zone = zone
        var byHub: [String: [Int]] = [:]
        for (k, carer) in problem.carers.enumerated() {
            byHub[carer.hub, default: []].append(k)
            for hub in Set(carer.lendableTo) where hub != carer.hub { byHub[hub, default: []].append(k) }
        }
        hubCarers = byHub
    }

    /// The carers who may do `visit` of client `client` (an index into `problem.clients`).
    mutating func carers(for visit: Problem.Visit, client c: Int) -> [Int] {
        let client = problem.clients[c]
        let g = group(GroupKey(hub: client.hub, skills: visit.skills, gender: client.genderPreference))
        let group = groups[g]
        let excludes = !client.excludedCarers.isEmpty
        if !excludes && !group.anyDated { return group.carers }
        let key = ListKey(
            group: g, client: excludes ? c : -1,
            startDay: group.anyDated ? Problem.localDay(of: visit.windowStart, zone: zone).daysSinceEpoch : 0,
            endDay: group.anyDated ? Problem.localDay(of: visit.windowEnd, zone: zone).daysSinceEpoch : 0)
        if let list = lists[key] { return list }
        let excluded = Set(client.excludedCarers)
        let list = group.carers.indices.filter { i in
            let k = group.carers[i]
            guard !excluded.contains(problem.carers[k].id) else { return false }
            guard group.dated[i] else { return true }
            // A skill must count at both ends of the window, whatever start the search picks.
            return visit.skills.allSatisfy {
                problem.carer(at: k, has: $0, at: visit.windowStart, zone: zone)
                    && problem.carer(at: k, has: $0, at: visit.windowEnd, zone: zone)
            }
        }.map { group.carers[$0] }
        lists[key] = list
        return list
    }

    private mutating func group(_ key: GroupKey) -> Int {
        if let g = groupIndex[key] { return g }
        var carers: [Int] = []
        var dated: [Bool] = []
        for k in hubCarers[key.hub] ?? [] {
            let carer = problem.carers[k]
            guard key.gender.map({ carer.gender == $0 }) ?? true, key.skills.allSatisfy(carer.skills.contains) else { continue }
            carers.append(k)
            dated.append(key.skills.contains { carer.skillDates[$0] != nil })
        }
        groups.append(Group(carers: carers, dated: dated, anyDated: dated.contains(true)))
        groupIndex[key] = groups.count - 1
        return groups.count - 1
    }
}
