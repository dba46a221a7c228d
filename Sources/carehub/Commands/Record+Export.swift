import ArgumentParser
import CareModel
import CareReports
import CareStore
import Foundation

extension Record {
    /// `carehub record export`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A subject access request: write everything held about one person as JSON and a printable HTML page.",
            discussion: """
                For administrators (and the administration login). Writes CLIENT.json (carehub.subject-access/1: identity, \
                record, care plan, notes, lead professionals, journey, handovers, discharges, packages, visits and the carers \
                who came, absences, carer preferences, break-glass openings and the audit trail of who read or changed the \
                record) and CLIENT.html into --out. The export is itself recorded in the audit trail.
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Client external id.") var client: String
        @Option(help: "Folder to write into (made if missing).") var out: String = "."

        func validate() throws {
            // The id names the files written, so it must be a plain identifier (no `/`, no `..`).
            guard ExternalID.isValid(client) else { throw ValidationError("--client \(client): not a client id") }
        }

        func run() throws {
            try reportingFailures {
                let db = try database.connect()
                guard let json = try db.transaction({ db in try SubjectAccessRepository(db).export(clientExternalID: client) }) else {
                    throw CommandFailure("\(client): no such client")
                }
                guard let html = SubjectAccessPage.render(json: json, client: client) else {
                    throw CommandFailure("\(client): the export could not be read back as JSON")
                }
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                let base = (out as NSString).appendingPathComponent(client)
                try writeAtomically(Data((json + "\n").utf8), to: base + ".json")
                try writeAtomically(Data(html.utf8), to: base + ".html")
                print("\(client): wrote \(base).json and \(base).html")
            }
        }
    }
}
