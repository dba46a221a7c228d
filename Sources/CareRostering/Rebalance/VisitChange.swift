import CareModel

/// How one of the hub's visits differs between its published roster and the repaired one,
/// before anyone says why (`ChangeExplainer` does).
public struct VisitChange: Sendable, Equatable {
    /// What happened to the visit's assignment.
    public enum Kind: Sendable, Equatable {
        /// Other carers (the start may have moved too).
        case reassigned(from: Roster.Assignment, to: Roster.Assignment)
        /// The same carers at another start.
        case retimed(from: Roster.Assignment, to: Roster.Assignment)
        /// Published, but nobody has it now.
        case dropped(Roster.Assignment)
        /// Not published (new, or unassigned before), staffed now.
        case added(Roster.Assignment)
    }

    /// The visit's id, as in the week's problem.
    public let visit: String
    public let kind: Kind
    /// When the visit starts now, or would have started: stored with the change and used for notice.
    public let start: Instant

    public init(visit: String, kind: Kind, start: Instant) {
        self.visit = visit
        self.kind = kind
        self.start = start
    }

    /// The published assignment, nil for an added visit.
    public var before: Roster.Assignment? {
        switch kind {
        case .reassigned(let from, _), .retimed(let from, _), .dropped(let from): from
        case .added: nil
        }
    }

    /// The repaired assignment, nil for a dropped visit.
    public var after: Roster.Assignment? {
        switch kind {
        case .reassigned(_, let to), .retimed(_, let to), .added(let to): to
        case .dropped: nil
        }
    }
}
