import CareModel

/// What changed between two versions of a roster, per carer: visits added to their week,
/// dropped from it, or moved to another time.
public struct RosterDiff: Sendable {
    public let old: Roster
    public let new: Roster

    public init(old: Roster, new: Roster) {
        self.old = old
        self.new = new
    }

    /// One change for one carer.
    public struct Change: Sendable, Equatable {
        public enum Kind: String, Sendable { case added, dropped, moved }
        public let carer: String
        public let kind: Kind
        public let visit: String
        public let detail: String
    }

    /// Every change, by carer then visit.
    public func changes() -> [Change] {
        func index(_ r: Roster) -> [String: [String: String]] {
            var byCarer: [String: [String: String]] = [:]
            for a in r.assignments { for c in a.carers { byCarer[c, default: [:]][a.visit] = a.start } }
            return byCarer
        }
        let before = index(old)
        let after = index(new)
        var out: [Change] = []
        for carer in Set(before.keys).union(after.keys).sorted() {
            let b = before[carer] ?? [:]
            let a = after[carer] ?? [:]
            for visit in Set(b.keys).union(a.keys).sorted() {
                switch (b[visit], a[visit]) {
                case (nil, let s?): out.append(Change(carer: carer, kind: .added, visit: visit, detail: s))
                case (let s?, nil): out.append(Change(carer: carer, kind: .dropped, visit: visit, detail: s))
                case (let s?, let t?) where s != t: out.append(Change(carer: carer, kind: .moved, visit: visit, detail: "\(s) → \(t)"))
                default: break
                }
            }
        }
        return out
    }

    /// The changes as text, with a count line.
    public func text() -> String {
        let all = changes()
        var out = ""
        var current = ""
        for c in all {
            if c.carer != current {
                current = c.carer
                out += "\(c.carer):\n"
            }
            let kind = c.kind.rawValue
            out += "  \(kind)\(String(repeating: " ", count: max(1, 8 - kind.count)))\(c.visit)  \(c.detail)\n"
        }
        let counts = Change.Kind.allCasesCount(all)
        return out
            + "\(counts[.added] ?? 0) added, \(counts[.dropped] ?? 0) dropped, \(counts[.moved] ?? 0) moved across "
            + "\(Set(all.map(\.carer)).count) carers\n"
    }
}

extension RosterDiff.Change.Kind {
    static func allCasesCount(_ changes: [RosterDiff.Change]) -> [Self: Int] {
        var counts: [Self: Int] = [:]
        for c in changes { counts[c.kind, default: 0] += 1 }
        return counts
    }
}
