import CareModel

/// Writes a whole set of hubs, people, packages and rotas in one transaction: all or nothing.
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
            for hub in hubs { try HubRepository(db).insert(hub); counts.hubs += 1 }
            for carer in carers { try CarerRepository(db).insert(carer); counts.carers += 1 }
            for client in clients { try ClientRepository(db).insert(client); counts.clients += 1 }
            for package in packages {
                try ClientRepository(db).insert(package)
                counts.packages += 1
                counts.visitTemplates += package.visits.count
            }
            for shift in shifts { try ShiftRepository(db).insert(shift); counts.shifts += 1 }
            for absence in absences { try ShiftRepository(db).insert(absence); counts.absences += 1 }
            return counts
        }
    }
}
