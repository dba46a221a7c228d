import CareModel
import CareStore

/// Says why each change of a repair happened, from the evidence the run has: the week's visits
/// and carers as they are now, leavers, absences, and which kept visits the engine moved to make
/// room. Like Timefold's score justifications, each reason is one small rule that can be tested
/// on hand-made values; the first rule that applies wins.
public struct ChangeExplainer: Sendable {
    /// The week's visits now, by id; a published visit missing here was cancelled.
    public let visits: [String: Problem.Visit]
    /// Carers in the week's problem; a carer missing here has gone.
    public let carers: Set<String>
    /// Carers whose record ends before the week is out.
    public let leavers: Set<String>
    /// Absences of the carers involved, over the week.
    public let absences: [RebalanceRepository.Absence]
    /// Kept visits the engine gave other carers to make room.
    public let madeRoom: Set<String>

    public init(
        visits: [Problem.Visit], carers: [String], leavers: Set<String>, absences: [RebalanceRepository.Absence], madeRoom: Set<String>
    ) {
        self.visits = Dictionary(visits.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.carers = Set(carers)
        self.leavers = leavers
        self.absences = absences
        self.madeRoom = madeRoom
    }

    /// The changes as stored and sent to carers: each with its reason, and its notice in
    /// minutes from `now` to the visit's start.
    public func explain(_ changes: [VisitChange], now: Instant) -> [RebalanceRepository.Change] {
        changes.map { change in
            RebalanceRepository.Change(
                visit: Int(change.visit) ?? 0, action: Self.action(change.kind), before: change.before?.carers ?? [],
                after: change.after?.carers ?? [], start: change.start, reason: reason(for: change).description,
                noticeMinutes: now.minutes(to: change.start))
        }
    }

    /// Why one visit changed.
    public func reason(for change: VisitChange) -> ChangeReason {
        switch change.kind {
        case .reassigned(let before, _): madeRoom.contains(change.visit) ? .madeRoom : whyBroken(before)
        case .retimed: .retimed
        case .dropped(let before): visits[before.visit] == nil ? .cancelled : .noCarerFree(after: whyBroken(before))
        case .added: visits[change.visit]?.priority == .homeFirst ? .newHomeFirst : .newOrUnassigned
        }
    }

    /// Why a published assignment could no longer stand, carer by carer in its order.
    func whyBroken(_ published: Roster.Assignment) -> ChangeReason {
        guard let visit = visits[published.visit] else { return .cancelled }
        let start = Instant(rfc3339: published.start) ?? visit.windowStart
        let end = start.adding(minutes: visit.durationMinutes)
        for carer in published.carers {
            if let reason = hasLeft(carer) ?? absence(of: carer, from: start, to: end) { return reason }
        }
        return pinnedElsewhere(visit, published) ?? .visitChanged
    }

    /// The carer is gone from the week or their record ends within it.
    func hasLeft(_ carer: String) -> ChangeReason? {
        !carers.contains(carer) || leavers.contains(carer) ? .left(carer: carer) : nil
    }

    /// The carer's first absence overlapping the visit.
    func absence(of carer: String, from start: Instant, to end: Instant) -> ChangeReason? {
        absences.first { $0.carer == carer && $0.start < end && $0.end > start }.map { .absent(kind: $0.kind, carer: carer) }
    }

    /// The visit is pinned now, to carers other than the published ones.
    func pinnedElsewhere(_ visit: Problem.Visit, _ published: Roster.Assignment) -> ChangeReason? {
        !visit.pinned.isEmpty && Set(visit.pinned) != Set(published.carers) ? .pinned(to: visit.pinned) : nil
    }

    private static func action(_ kind: VisitChange.Kind) -> RebalanceRepository.Change.Action {
        switch kind {
        case .reassigned, .retimed: .moved
        case .dropped: .dropped
        case .added: .added
        }
    }
}
