import CareModel

/// Writes a whole set of hubs, people, packages and rotas in one transaction, all or nothing,
/// through the same upserts as `carehub import`.
public struct CountyWriter {
    let db: Connection

    /// A writer over a connection.
    public init(_ db: Connection) { self.db = db }

    /// Row counts written, for the command's report.
    public struct Counts: Sendable, Equatable {
        public var hubs = 0, carers = 0, clients = 0, packages = 0, visitTemplates = 0, shifts = 0, absences = 0
    }

    /// Writes everything; carers must come before the clients that refer to them.
    public func write(
        hubs: [Hub], carers: [Carer], clients: [Client], packages: [CarePackage], shifts: [LocalShift], absences: [LocalAbsence]
    ) throws -> Counts {
        try db.transaction { db in
            var counts = Counts()
            for hub in hubs {
                try HubRepository(db).upsert(hub)
                counts.hubs += 1
            }
            for carer in carers {
                try CarerRepository(db).upsertWithSkills(carer)
                counts.carers += 1
            }
            for client in clients {
                try ClientRepository(db).upsert(client)
                counts.clients += 1
            }
            for package in packages {
                try PackageRepository(db).upsert(package)
                counts.packages += 1
                counts.visitTemplates += package.visits.count
            }
            // A carer's shifts are replaced a day at a time, as the shifts file replaces them.
            let days = Dictionary(grouping: shifts) { DayKey(carer: $0.carerID, date: $0.date) }
            for (day, dayShifts) in days.sorted(by: { ($0.key.carer, $0.key.date) < ($1.key.carer, $1.key.date) }) {
                try ShiftRepository(db).replaceShifts(carer: day.carer, date: day.date, shifts: dayShifts)
                counts.shifts += dayShifts.count
            }
            for absence in absences {
                try ShiftRepository(db).upsertAbsence(absence, reason: nil)
                counts.absences += 1
            }
            return counts
        }
    }

    /// One carer's day of shifts.
    private struct DayKey: Hashable {
        let carer: String
        let date: LocalDate
    }
}
