import ArgumentParser
import CareModel
import CareStore

/// `carehub lead …`: the lead professional who carries each person between services (issue 15).
struct Lead: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lead professionals: one member of staff, of either service, responsible for each person at a time.",
        subcommands: [Assign.self, List.self, History.self, Caseload.self])

    /// `carehub lead assign`.
    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a member of staff of the person's hub their lead from now; the previous lead's spell ends.",
            discussion: "The database records who assigned them and when; `carehub lead history` shows who led when.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Client external id.") var client: String
        @Option(help: "The lead's e-mail (an active carehub person of the client's hub, either service).") var person: String

        func run() throws {
            try reportingFailures {
                let db = try database.connect()
                let changed = try db.transaction { db in try LeadRepository(db).assign(clientExternalID: client, personEmail: person) }
                print(changed ? "\(client): lead is now \(person)" : "\(client): \(person) already leads")
            }
        }
    }

    /// `carehub lead list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every person of a hub with their lead, flagging those with none or with a lead who left or was disabled.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Hub code.") var hub: String
        @Flag(help: "Only the people who need a lead.") var flagged = false

        func run() throws {
            try reportingFailures {
                let leads = try LeadRepository(try database.connect()).current(hubCode: hub)
                let shown = flagged ? leads.filter(\.needsLead) : leads
                for line in shown {
                    guard let lead = line.lead else {
                        print("\(line.clientID)\tNEEDS A LEAD: none")
                        continue
                    }
                    let who = lead.name.map { "\($0) (\(lead.service?.title ?? "?"))" } ?? "someone who left the hub"
                    let flag = lead.active ? "" : "NEEDS A LEAD: "
                    print("\(line.clientID)\t\(flag)\(who), since \(lead.since)\(lead.active || lead.name == nil ? "" : ", disabled")")
                }
                let needing = leads.filter(\.needsLead).count
                print("\(leads.count) people, \(needing) need a lead")
            }
        }
    }

    /// `carehub lead history`.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Who led one person when.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Client external id.") var client: String

        func run() throws {
            try reportingFailures {
                let spells = try LeadRepository(try database.connect()).history(clientExternalID: client)
                if spells.isEmpty { print("\(client): no lead recorded") }
                for spell in spells {
                    print("\(spell.from) – \(spell.until.map(\.description) ?? "now")\t\(spell.name ?? "someone who left the hub")")
                }
            }
        }
    }
}

extension Lead {
    /// `carehub lead caseload`.
    struct Caseload: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The people a lead professional leads now: yours when acting (--as), else the person named by --person.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The lead's e-mail (the administration login; acting, your own caseload is shown).") var person: String?

        func run() throws {
            try reportingFailures {
                let db = try database.connect()
                let id: Int
                if let acting = db.actingPerson {
                    id = acting.id
                } else {
                    guard let email = person, let found = try PeopleRepository(db).activePerson(email: email) else {
                        throw CommandFailure("give --person EMAIL of an active person (or act as them with --as)")
                    }
                    id = found.id
                }
                let caseload = try LeadRepository(db).caseload(personID: id)
                for entry in caseload { print("\(entry.clientID)\t\(entry.hubCode)\t\(entry.name)\tsince \(entry.since)") }
                print("\(caseload.count) people")
            }
        }
    }
}
