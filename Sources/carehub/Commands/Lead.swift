import ArgumentParser
import CareModel
import CareStore

/// `carehub lead …`: the lead professional who carries each person between services (issue 15).
struct Lead: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lead professionals: one member of staff, of either service, responsible for each person at a time.",
        subcommands: [Assign.self, List.self, History.self])

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
