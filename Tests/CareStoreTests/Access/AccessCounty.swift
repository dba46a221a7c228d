import CareModel
import CareSample
import CareStore
import CareTestSupport

/// Three sample hubs (STAF, CANN, LICH) with a planned week, one person per role and the
/// connections that act for them. The owner connection (`admin`) acts for no one.
struct AccessCounty {
    let test: TestDatabase
    /// The administration (owner) connection: no one acting.
    let owner: Connection
    let week = ISOWeek(iso: "2026-W48")!
    /// People by role; the manager, HR, scheduler and practitioner (a social care one) have STAF only.
    let people: [PersonRole: ActingPerson]

    init() throws {
        test = try TestDatabase()
        owner = try test.connect()
        let county = SampleCountyGenerator.generate(SampleCountySpec(hubs: 3, clientsPerHub: 6, seed: 2, firstWeek: week, weeks: 1))
        _ = try CountyWriter(owner).write(
            hubs: county.hubs, carers: county.carers, clients: county.clients, packages: county.packages,
            shifts: county.shifts, absences: county.absences)
        _ = try VisitPlanner(owner).plan(week: week)
        let repo = PeopleRepository(owner)
        var people: [PersonRole: ActingPerson] = [:]
        for role in PersonRole.allCases {
            let email = "\(role.rawValue)@staf.example"
            let hubs = [.manager, .hr, .scheduler, .practitioner].contains(role) ? ["STAF"] : []
            try repo.add(name: "Test \(role.rawValue)", email: email, role: role, hubCodes: hubs)
            people[role] = try repo.activePerson(email: email)
        }
        self.people = people
        // One employment spell and one vacancy per hub, for HR's rows.
        try owner.execute(
            """
            INSERT INTO employment_spells (carer_id, hub_id, contract_type, start_date)
            SELECT min(id), hub_id, 'permanent', '2024-01-01' FROM carers GROUP BY hub_id
            """)
        try owner.execute("INSERT INTO vacancies (external_id, hub_id, opened_on) SELECT 'V-' || code, id, '2026-01-05' FROM hubs")
    }

    /// A new connection acting for the person with this role.
    func connection(_ role: PersonRole) throws -> Connection {
        let db = try test.connect()
        db.actingPerson = people[role]
        return db
    }

    /// A hub's clients' external ids, in order.
    func clients(hub: String) throws -> [String] {
        try owner.query(
            "SELECT cl.external_id FROM clients cl JOIN hubs h ON h.id = cl.hub_id WHERE h.code = \(hub) ORDER BY cl.external_id"
        ).rows.map { try $0.decode("external_id") }
    }

    /// The hub id for a code.
    func hubID(_ code: String) throws -> Int {
        try owner.query("SELECT id FROM hubs WHERE code = \(code)").rows[0].decode("id")
    }

    /// `count(*)` of a query run on `db`.
    static func count(_ db: Connection, _ query: SQLQuery) throws -> Int {
        try db.query("SELECT count(*) AS n FROM (\(query)) q").rows[0].decode("n")
    }
}
