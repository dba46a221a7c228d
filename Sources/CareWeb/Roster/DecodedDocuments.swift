import CareModel
import CareReports
import CareRostering
import NIOConcurrencyHelpers

/// Roster versions' documents, decoded, for the few versions people are looking at.
///
/// A stored version's problem and roster never change (published ones are immutable in the
/// database, and a draft's documents are written once), so decoding them once per server
/// instead of once per page is safe. The cache only saves the decoding: every page still asks
/// the database, acting for the person, which versions they may see, and looks a version up
/// here by the `rosters.id` that answer gave. Bounded: the `capacity` most recently used. One
/// per `DatabasePool` (`decoded`), so one database's ids never name another's documents.
final class DecodedDocuments: Sendable {
    struct Entry: Sendable {
        let problem: Problem
        let roster: Roster
        let isHubSlice: Bool
    }

    /// A hand-out built from an entry with the names the database gave; `generation` changes
    /// whenever the names do, so what was rendered from an older one is never reused.
    struct Built: Sendable {
        let names: RosterWorkflow.HandoutNames
        let handout: Handout
        let generation: Int
    }

    let capacity: Int
    private let state = NIOLockedValueBox<(entries: [Int: Entry], order: [Int])>(([:], []))
    private let built = NIOLockedValueBox<(handouts: [Int: Built], generation: Int)>(([:], 0))
    private let bodies = NIOLockedValueBox<(pages: [String: String], order: [String])>(([:], []))

    init(capacity: Int) { self.capacity = capacity }

    /// The entry for `id`, decoding it with `load` (outside the lock) when not kept; nil when
    /// `load` finds nothing.
    func get(_ id: Int, load: () throws -> Entry?) rethrows -> Entry? {
        if let hit = state.withLockedValue({ s -> Entry? in
            guard let e = s.entries[id] else { return nil }
            s.order.removeAll { $0 == id }
            s.order.append(id)
            return e
        }) {
            return hit
        }
        guard let entry = try load() else { return nil }
        state.withLockedValue { s in
            s.entries[id] = entry
            s.order.removeAll { $0 == id }
            s.order.append(id)
            while s.order.count > capacity { s.entries[s.order.removeFirst()] = nil }
        }
        return entry
    }

    /// The hand-out of version `id` for these names: the one built before when the names are
    /// the same, else a new one (`build`, outside the lock).
    func handout(_ id: Int, names: RosterWorkflow.HandoutNames, build: () -> Handout) -> Built {
        if let kept = built.withLockedValue({ $0.handouts[id] }), kept.names == names { return kept }
        let handout = build()
        return built.withLockedValue { b in
            b.generation += 1
            let fresh = Built(names: names, handout: handout, generation: b.generation)
            b.handouts[id] = fresh
            // Only versions still among the decoded ones keep a hand-out.
            let live = state.withLockedValue { Set($0.entries.keys) }
            b.handouts = b.handouts.filter { live.contains($0.key) || $0.key == id }
            return fresh
        }
    }

    /// A rendered page body by `key` (which names everything it depends on), rendering it with
    /// `render` when not kept; the `capacity` × 2 most recently used are kept.
    func body(_ key: String, render: () -> String) -> String {
        if let hit = bodies.withLockedValue({ b -> String? in
            guard let page = b.pages[key] else { return nil }
            b.order.removeAll { $0 == key }
            b.order.append(key)
            return page
        }) {
            return hit
        }
        let page = render()
        bodies.withLockedValue { b in
            b.pages[key] = page
            b.order.removeAll { $0 == key }
            b.order.append(key)
            while b.order.count > capacity * 2 { b.pages[b.order.removeFirst()] = nil }
        }
        return page
    }
}
