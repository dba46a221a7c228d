import ArgumentParser
import CarePasswords
import CareStore

/// `carehub people …`: staff who sign in, their roles and hubs.
struct People: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add, list and disable the people who sign in, and set their passwords.",
        discussion: """
            Roles: manager (their hubs' carers, clients, visits and rosters), hr (their hubs' workforce and recruitment; \
            no client data), commissioner (suppressed aggregate figures only), scheduler (what `carehub rebalance` needs), \
            admin (people, hubs, the audit log), practitioner (health or social care staff of a hub: the records of the \
            people they have a relationship with, consent permitting). The database enforces each role; see README, \
            "Who may see what".
            """,
        subcommands: [Add.self, List.self, Disable.self, Password.self, TOTPReset.self])

    /// `carehub people add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a person (active, no password until `people password`).")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "E-mail they sign in with (unique whatever its case).") var email: String
        @Option(help: "Full name.") var name: String
        @Option(help: "manager, hr, commissioner, scheduler or admin.") var role: PersonRole
        @Option(name: .customLong("hub"), help: "Hub code (repeat for several).") var hubs: [String] = []
        @Option(help: "social_care, community_nursing, therapy, hospital_discharge or gp_practice.") var service: StaffService = .socialCare

        func validate() throws {
            if hubs.isEmpty && [.manager, .hr, .scheduler, .practitioner].contains(role) {
                throw ValidationError("a \(role.rawValue) needs at least one --hub")
            }
        }

        func run() throws {
            try reportingFailures {
                try PeopleRepository(try database.connect()).add(name: name, email: email, role: role, hubCodes: hubs, service: service)
                let of = hubs.isEmpty ? "" : " of \(hubs.joined(separator: ", "))"
                let from = service == .socialCare ? "" : " (\(service.title))"
                print("\(email): added as \(role.rawValue)\(of)\(from); set a password with `carehub people password --email \(email)`")
            }
        }
    }

    /// `carehub people list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List people: e-mail, role, hubs, active or disabled, name, service.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try reportingFailures {
                for p in try PeopleRepository(try database.connect()).list() {
                    let hubs = p.hubCodes.isEmpty ? "-" : p.hubCodes.joined(separator: ",")
                    print([p.email, p.role.rawValue, hubs, p.active ? "active" : "disabled", p.name, p.service.rawValue].joined(separator: "\t"))
                }
            }
        }
    }

    /// `carehub people disable`.
    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a person: from their next transaction on, the database refuses to act for them.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Their e-mail.") var email: String

        func run() throws {
            try reportingFailures {
                let changed = try PeopleRepository(try database.connect()).disable(email: email)
                print("\(email): \(changed ? "disabled" : "already disabled")")
            }
        }
    }

    /// `carehub people password`.
    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a person's password: prompted without echo on a terminal, else one line read from standard input.",
            discussion: """
                Never an argument (arguments show in `ps` and shell history). At least \(PasswordPolicy.minimumLength) \
                characters, not a common or breached password, not containing their name or e-mail; no other rules and \
                no expiry (the NCSC's guidance). Stored as an argon2id hash.
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Their e-mail.") var email: String

        func run() throws {
            try reportingFailures {
                let db = try database.connect()
                let people = PeopleRepository(db)
                guard let name = try people.name(email: email) else { throw PeopleError.unknownPerson(email) }
                let password = try PasswordInput.read(prompt: "New password for \(email): ")
                try PasswordPolicy().check(password, name: name, email: email)
                try people.setPasswordHash(email: email, hash: try PasswordHasher().hash(password))
                print("\(email): password set")
            }
        }
    }
}

extension People {
    /// `carehub people totp-reset`.
    struct TOTPReset: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "totp-reset",
            abstract: "Clear a manager's or admin's second-factor secret (a lost phone): they set it up again at their next sign-in.",
            discussion: "Also ends their web sessions. Recorded in the audit log (as the admin named by --as, if any).")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Their e-mail.") var email: String

        func run() throws {
            try reportingFailures {
                let changed = try SecondFactorRepository(try database.connect()).reset(email: email)
                print("\(email): \(changed ? "second factor cleared; they enrol again at their next sign-in" : "had no second factor")")
            }
        }
    }
}

extension PersonRole: ExpressibleByArgument {}
extension StaffService: ExpressibleByArgument {}
