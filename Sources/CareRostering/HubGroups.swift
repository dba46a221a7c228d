import CareModel

/// Hubs split into groups that share no lendable carer, so each group is one problem: a county
/// of independent hubs costs the sum of its hubs rather than the square of the county. How a
/// run's seed and time budget are shared between the groups is here too.
public enum HubGroups {
    /// The connected components of `hubs` linked by `links` (pairs naming a hub outside `hubs`
    /// are ignored): each group sorted, groups in the order of their first hub.
    public static func split(_ hubs: [String], links: [(from: String, to: String)]) -> [[String]] {
        let sorted = Array(Set(hubs)).sorted()
        let index = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
        // Union-find over hub indices; the root of a group is its smallest index.
        var parent = Array(sorted.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        for link in links {
            guard let a = index[link.from], let b = index[link.to] else { continue }
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var groups: [Int: [String]] = [:]
        for (i, hub) in sorted.enumerated() { groups[root(i), default: []].append(hub) }
        return groups.keys.sorted().compactMap { groups[$0] }
    }

    /// The seed of one group's search. A run that is one group keeps the given seed, so
    /// generating hubs that were never split repeats exactly as before; otherwise each group's
    /// seed mixes the run's seed with the group's hub codes (not its position), so a group gets
    /// the same seed whichever other hubs were generated with it.
    public static func seed(_ seed: UInt64, group: [String], groups: Int) -> UInt64 {
        guard groups > 1 else { return seed }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a over "HUB,HUB…"
        for byte in group.joined(separator: ",").utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var rng = SplitMix64(seed: seed ^ hash)
        return rng.next()
    }

    /// Groups shared among `threads` lanes, each lane solving its groups one after another:
    /// largest first to the lane with the fewest visits so far (ties to the lower lane), so the
    /// lanes finish at about the same time. Each lane lists group indices in ascending order;
    /// empty lanes are dropped.
    public static func lanes(visits: [Int], threads: Int) -> [[Int]] {
        let count = max(1, min(threads, visits.count))
        var lanes = Array(repeating: [Int](), count: count)
        var load = Array(repeating: 0, count: count)
        for g in visits.indices.sorted(by: { (-visits[$0], $0) < (-visits[$1], $1) }) {
            let lane = load.indices.min { (load[$0], $0) < (load[$1], $1) } ?? 0
            lanes[lane].append(g)
            load[lane] += visits[g]
        }
        return lanes.filter { !$0.isEmpty }.map { $0.sorted() }
    }

    /// One group's share of a run's `seconds`: in proportion to its visits, so the searches
    /// together take about `seconds`; equal shares when there are no visits at all.
    public static func seconds(_ seconds: Double, visits: Int, of totalVisits: Int, groups: Int) -> Double {
        guard groups > 1 else { return seconds }
        guard totalVisits > 0 else { return seconds / Double(groups) }
        return seconds * Double(visits) / Double(totalVisits)
    }
}
