import ArgumentParser
import CareModel
import CareStore
import Foundation

/// `carehub record …`: a person's shared record (issue 15).
struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A person's shared record: NHS number, next of kin, GP, what matters to them, risks, consent to share, and notes.",
        subcommands: [Show.self, Note.self, Export.self, BreakGlass.self, Grants.self, Review.self])

    /// `carehub record show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one client's record; the read is recorded in the audit trail.",
            discussion: """
                Acting as a person (--as), the database decides what is shown: a manager of the client's hub sees it all; a \
                practitioner of the hub sees who the person is, and the parts of the record their consent to share covers \
                (all of it when they work in social care); the person's lead professional sees it all wherever the person \
                is; break-glass access (`carehub record break-glass`) opens it for a while. Anyone else is told the client \
                is not theirs to see. Import records with `carehub import records FILE.csv`.
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Client external id.") var client: String

        func run() throws {
            try reportingFailures {
                let db = try database.connect()
                let text = try db.transaction { db -> String? in
                    let records = ClientRecordRepository(db)
                    guard let reach = try RecordAccessRepository(db).reach(clientExternalID: client),
                        let person = try records.person(clientExternalID: client),
                        // Who the person is: read, so recorded, whatever else the reader reaches.
                        try AuditRepository(db).recordClientRead(externalID: client)
                    else { return nil }
                    // The read and its audit entry (written by `record`) commit together, or neither does.
                    let notes = reach.notes ? try ClientNoteRepository(db).notes(clientExternalID: client) : nil
                    let plan = reach.carePlan ? try CarePlanRepository(db).plan(clientExternalID: client) : nil
                    let tail = ClientRecordText.render(plan, today: person.today) + ClientRecordText.render(notes)
                    guard reach.record else { return ClientRecordText.render(client: client, person: person) + tail }
                    let record = try records.record(clientExternalID: client)
                    let journeys = JourneyRepository(db)
                    let journey = JourneyText.render(
                        client: client, try journeys.episodes(clientExternalID: client),
                        try journeys.handovers(clientExternalID: client, recordRead: false))
                    return ClientRecordText.render(client: client, person: person, record: record) + journey + tail
                }
                guard let text else { throw CommandFailure("\(client): no such client, or not one you may see") }
                print(text, terminator: "")
            }
        }
    }
}

extension Record {
    /// `carehub record note`.
    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a note to a client's record: its text is read from standard input, never an argument.",
            discussion: """
                The database records who wrote it, in which role and service, and when. A note is never edited or \
                deleted: to put one right, write another with --corrects NOTE-ID (an earlier note about the same \
                person). Text is read from standard input because arguments show in `ps` and shell history; at most \
                4,000 characters.
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Client external id.") var client: String
        @Option(help: "The id of the earlier note this one corrects.") var corrects: Int?

        func run() throws {
            let text = readStandardInputText()
            guard !text.isEmpty else { throw ValidationError("the note's text comes on standard input, and it is empty") }
            // The database counts code points (char_length), so count them here too.
            guard text.unicodeScalars.count <= 4000 else { throw ValidationError("the note is longer than 4,000 characters") }
            try reportingFailures {
                let db = try database.connect()
                let id: Int?
                do {
                    id = try db.transaction { db in try ClientNoteRepository(db).add(clientExternalID: client, body: text, corrects: corrects) }
                } catch let error as StoreError where error.code == .checkViolation && corrects != nil {
                    throw CommandFailure("note \(corrects ?? 0) is not an earlier note about \(client)")
                }
                guard let id else { throw CommandFailure("\(client): no such client, or not one you may see") }
                print("\(client): note \(id) added" + (corrects.map { " (corrects note \($0))" } ?? ""))
            }
        }
    }
}

/// The plain-text page of `record show`.
enum ClientRecordText {
    /// The notes, oldest first, each with who wrote it, their role and service, and when; a
    /// corrected note says which note corrects it.
    static func render(_ notes: [ClientNote]?) -> String {
        guard let notes else { return "  notes: \(notShared)\n" }
        guard !notes.isEmpty else { return "  notes: none\n" }
        let correctedBy = ClientNote.corrections(in: notes)
        var lines = ["  notes:"]
        for note in notes {
            let service = note.authorService.map { ", \($0.title)" } ?? ""
            var head = "  [\(note.id)] \(note.writtenAt), \(note.authorName) (\(note.authorRole)\(service))"
            if let earlier = note.corrects { head += ", correcting note \(earlier)" }
            for later in correctedBy[note.id] ?? [] { head += ", corrected by note \(later)" }
            lines.append(printable(head))
            lines += printable(note.body).split(separator: "\n", omittingEmptySubsequences: false).map { "      \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe to print on a terminal: control characters (an escape sequence, a lone carriage
    /// return) could rewrite or hide what is shown, so all but newline and tab are dropped.
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 == "\n" || $0 == "\t" || $0.properties.generalCategory != .control }))
    }

    /// The care plan: access notes and tasks (with their call), then outcomes with their review
    /// dates, those due by `today` marked.
    static func render(_ plan: CarePlan?, today: LocalDate) -> String {
        guard let plan else { return "  care plan: \(notShared)\n" }
        guard !plan.items.isEmpty else { return "  care plan: none yet (`carehub import care-plans`)\n" }
        var lines = ["  care plan:"]
        for item in plan.items where item.kind != .outcome {
            lines.append("    \(item.kind.label) (\(item.call.map { "call \($0)" } ?? "every call")): \(item.description)")
        }
        for item in plan.items where item.kind == .outcome {
            let due = item.reviewOn.map { $0 <= today ? "REVIEW DUE since \($0)" : "review on \($0)" } ?? ""
            lines.append("    outcome: \(item.description) (\(due))")
        }
        return printable(lines.joined(separator: "\n") + "\n")
    }

    /// What is said of a part the reader does not reach.
    static let notShared = "not shared with you (no consent covers it; a lead professional or `carehub record break-glass` reaches it)"

    /// Who the person is, for a reader who reaches nothing of the record itself.
    static func render(client: String, person: ClientRecordRepository.Person) -> String {
        let lines = [
            "\(client) (\(person.hubCode)): \(person.name)", "  born: \(person.dateOfBirth.map(\.description) ?? "not recorded")",
            "  postcode: \(person.postcode)", "  record: \(notShared)",
        ]
        return printable(lines.joined(separator: "\n") + "\n")
    }

    static func render(client: String, person: ClientRecordRepository.Person, record: ClientRecord?) -> String {
        var lines = ["\(client) (\(person.hubCode)): \(person.name)"]
        lines.append("  born: \(person.dateOfBirth.map(\.description) ?? "not recorded")")
        guard let record else {
            lines.append("  postcode: \(person.postcode)")
            lines.append("  no shared record yet (`carehub import records`)")
            return printable(lines.joined(separator: "\n") + "\n")
        }
        func field(_ label: String, _ value: String) { lines.append("  \(label): \(value.isEmpty ? "not recorded" : value)") }
        field("NHS number", record.nhsNumber?.description ?? "")
        field("address", record.address.isEmpty ? "" : "\(record.address) (\(person.postcode))")
        field("next of kin", record.nextOfKin)
        field("GP practice", record.gpPractice)
        field("communication needs", record.communicationNeeds)
        field("what matters to me", record.whatMatters)
        var risks: [String] = []
        if record.risks.falls { risks.append("falls") }
        if record.risks.hoist { risks.append("hoist") }
        if !record.risks.allergies.isEmpty { risks.append("allergies: \(record.risks.allergies)") }
        if let place = record.risks.dnacprLocation { risks.append("DNACPR held (\(place))") }
        lines.append("  risks: \(risks.isEmpty ? "none recorded" : risks.joined(separator: "; "))")
        if let consent = record.consent {
            let covers = consent.covers.sorted().map(\.label).joined(separator: ", ")
            lines.append("  consent to share between health and social care: \(covers); recorded by \(consent.recordedBy) on \(consent.recordedOn)")
        } else {
            lines.append("  consent to share between health and social care: not recorded")
        }
        return printable(lines.joined(separator: "\n") + "\n")
    }
}
