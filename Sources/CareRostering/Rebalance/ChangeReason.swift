/// Why a visit changed in a repair: the justification planners and carers are shown, stored as
/// its `description` in `roster_changes` and the outbox.
public indirect enum ChangeReason: Sendable, Equatable, CustomStringConvertible {
    /// The visit was cancelled (it is no longer in the week).
    case cancelled
    /// A carer of the visit has left (or is gone from the week's carers).
    case left(carer: String)
    /// A carer of the visit is absent then, e.g. `sickness`.
    case absent(kind: String, carer: String)
    /// The visit is now pinned to other carers.
    case pinned(to: [String])
    /// Nothing about the carers explains it: the visit's time or needs changed.
    case visitChanged
    /// A kept visit given other carers to make room for a broken or new one.
    case madeRoom
    /// The same carers at another start, after other changes.
    case retimed
    /// A new Home First visit (a discharge) staffed.
    case newHomeFirst
    /// A new visit, or one unassigned before, staffed.
    case newOrUnassigned
    /// The published assignment broke for `cause` and no carer was free to take it.
    case noCarerFree(after: ChangeReason)

    public var description: String {
        switch self {
        case .cancelled: "cancelled"
        case .left(let carer): "\(carer) left"
        case .absent(let kind, let carer): "\(kind) of \(carer)"
        case .pinned(let carers): "pinned to \(carers.joined(separator: ", "))"
        case .visitChanged: "visit time or needs changed"
        case .madeRoom: "moved to make room"
        case .retimed: "retimed after other changes"
        case .newHomeFirst: "new Home First visit"
        case .newOrUnassigned: "new or previously unassigned visit"
        case .noCarerFree(let cause): "\(cause); no carer free"
        }
    }
}
