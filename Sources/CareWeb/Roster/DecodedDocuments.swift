import CareModel
import NIOConcurrencyHelpers

/// Roster versions' documents, decoded, for the few versions people are looking at.
///
/// A stored version's problem and roster never change (published ones are immutable in the
/// database, and a draft's documents are written once), so decoding them once per server
/// instead of once per page is safe. The cache only saves the decoding: every page still asks
/// the database, acting for the person, which versions they may see, and looks a version up
/// here by the `rosters.id` that answer gave. Bounded: the `capacity` most recently used.
final class DecodedDocuments: Sendable {
    struct Entry: Sendable {
        let problem: Problem
        let roster: Roster
        let isHubSlice: Bool
    }

    static let shared = DecodedDocuments(capacity: 16)

    let capacity: Int
    private let state = NIOLockedValueBox<(entries: [Int: Entry], order: [Int])>(([:], []))

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
}
