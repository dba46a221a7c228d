import CareModel
import CareStore

/// Home First from the record (issue 15): a hospital discharge on pathway 1 (home with new
/// support) becomes a reablement package for its client, with its visits from now to the end of
/// the week (and of the next when the next 24 hours reach it) at Home First priority, for the next
/// rebalance run to staff; the discharge and the reablement start the person's journey.
public enum HomeFirst {
    /// The standard reablement calls: a label and a window for each. Reablement visits are
    /// longer in the morning (washing and dressing, with the person doing what they can).
    public enum Call: String, Sendable, CaseIterable {
        case am, lunch, tea, bed

        var window: (start: LocalTime, end: LocalTime, minutes: Int) {
            switch self {
            case .am: (LocalTime(hour: 7, minute: 30)!, LocalTime(hour: 9, minute: 30)!, 45)
            case .lunch: (LocalTime(hour: 12, minute: 0)!, LocalTime(hour: 13, minute: 30)!, 30)
            case .tea: (LocalTime(hour: 16, minute: 30)!, LocalTime(hour: 18, minute: 0)!, 30)
            case .bed: (LocalTime(hour: 19, minute: 30)!, LocalTime(hour: 21, minute: 30)!, 30)
            }
        }
    }

    /// One discharge to start: the client (new, with their details, or an existing id), the calls
    /// a day, carers per call, and how many days of reablement (six weeks unless said).
    public struct Admission: Sendable, Hashable {
        public var dischargeID: String
        public var clientID: String
        /// Details for a client carehub does not know yet; nil to link an existing one.
        public var newClient: Client?
        public var calls: [Call]
        public var carers: Int
        public var days: Int

        public init(dischargeID: String, clientID: String, newClient: Client? = nil, calls: [Call] = Call.allCases, carers: Int = 1, days: Int = 42) {
            self.dischargeID = dischargeID
            self.clientID = clientID
            self.newClient = newClient
            self.calls = calls
            self.carers = carers
            self.days = days
        }

        /// The reablement package's external id.
        public var packageID: String { "HF-\(dischargeID)" }
    }

    /// Why a discharge cannot start Home First (identifiers only).
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownDischarge(String)
        case notReablement(String, pathway: Int)
        case unknownClient(String)
        case otherHub(client: String, hub: String, dischargeHub: String)
        case otherClient(discharge: String, client: String)

        public var description: String {
            switch self {
            case .unknownDischarge(let d): "\(d): no such hospital discharge of your hubs"
            case .notReablement(let d, let p): "\(d): pathway \(p) is not reablement at home (pathway 1)"
            case .unknownClient(let c): "\(c): no such client; give their name, postcode and location to create them"
            case .otherHub(let c, let h, let dh): "\(c) is a client of \(h), the discharge is \(dh)'s"
            case .otherClient(let d, let c): "\(d) is linked to client \(c) already"
            }
        }
    }

    /// Starts Home First for one discharge at `now`, in the caller's transaction: the client,
    /// the link, the package, the journey, and the visits of the weeks up to 24 hours ahead
    /// whose windows are still to come. Running it again changes nothing.
    public static func admit(_ db: Connection, _ a: Admission, now: Instant) throws -> UpsertOutcome {
        guard let discharge = try DischargeRepository(db).find(externalID: a.dischargeID) else { throw Refusal.unknownDischarge(a.dischargeID) }
        guard discharge.pathway == 1 else { throw Refusal.notReablement(a.dischargeID, pathway: discharge.pathway) }
        if let linked = discharge.clientID, linked != a.clientID { throw Refusal.otherClient(discharge: a.dischargeID, client: linked) }
        var outcome = UpsertOutcome.unchanged
        let clients = ClientRepository(db)
        var existing = try clients.markHomeFirst(clientExternalID: a.clientID, dischargeDate: discharge.discharged)
        if existing == nil, var client = a.newClient {
            client.hubCode = discharge.hubCode
            client.homeFirst = true
            client.dischargeDate = discharge.discharged
            outcome = try clients.upsert(client)
            existing = try clients.markHomeFirst(clientExternalID: a.clientID, dischargeDate: discharge.discharged)
        }
        guard let (hub, marked) = existing else { throw Refusal.unknownClient(a.clientID) }
        guard hub == discharge.hubCode else { throw Refusal.otherHub(client: a.clientID, hub: hub, dischargeHub: discharge.hubCode) }
        let linked = try DischargeRepository(db).linkReablement(externalID: a.dischargeID, clientExternalID: a.clientID)
        let package = CarePackage(
            externalID: a.packageID, clientID: a.clientID, validFrom: discharge.discharged,
            validTo: discharge.discharged.adding(days: a.days - 1),
            visits: Weekday.allCases.flatMap { day in
                a.calls.map { call in
                    VisitTemplate(
                        weekday: day, windowStart: call.window.start, windowEnd: call.window.end, durationMinutes: call.window.minutes,
                        carersNeeded: a.carers, priority: .homeFirst)
                }
            })
        let terms = Weekday.allCases.flatMap { _ in a.calls.map { PackageCallTerms(label: $0.rawValue) } }
        let written = try PackageRepository(db).upsert(package, terms: terms, links: [])
        let episodes = try journey(db, a, discharged: discharge.discharged, now: now)
        let planner = VisitPlanner(db)
        var planned = 0
        let today = ISOWeek(containing: LocalDate(daysSinceEpoch: Int(now.secondsSinceEpoch / 86_400)))
        let tomorrow = ISOWeek(containing: LocalDate(daysSinceEpoch: Int(now.adding(minutes: 24 * 60).secondsSinceEpoch / 86_400)))
        for week in Set([today, tomorrow]).sorted(by: { $0.monday < $1.monday }) {
            planned += try planner.plan(week: week, hubCode: hub, package: a.packageID, after: now).added
        }
        if outcome == .new { return .new }
        return written != .unchanged || linked || marked || episodes || planned > 0 ? .updated : outcome
    }

    /// The discharge and the reablement after it, unless the journey has them already; true
    /// when either was added. A discharge today starts now, an earlier one at its day's start.
    private static func journey(_ db: Connection, _ a: Admission, discharged: LocalDate, now: Instant) throws -> Bool {
        let journeys = JourneyRepository(db)
        let have = Set(try journeys.episodes(clientExternalID: a.clientID).filter { $0.dischargeID == a.dischargeID }.map(\.kind))
        guard let midnight = try journeys.instant(clientExternalID: a.clientID, date: discharged, time: nil) else {
            throw Refusal.unknownClient(a.clientID)
        }
        let start = midnight <= now && now < midnight.adding(minutes: 24 * 60) ? now : midnight
        var added = false
        for kind in [JourneyEpisode.Kind.hospitalDischarge, .reablement] where !have.contains(kind) {
            try journeys.add(JourneyEpisode(kind: kind, startedAt: start, dischargeID: a.dischargeID), clientExternalID: a.clientID)
            added = true
        }
        return added
    }
}
