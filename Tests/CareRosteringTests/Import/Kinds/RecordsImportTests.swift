import CareModel
import Testing

@testable import CareRostering

@Suite("records.csv")
struct RecordsImportTests {
    static let header =
        "client,nhs_number,address,next_of_kin,gp_practice,falls_risk,hoist,allergies,dnacpr,dnacpr_location,consent,consent_covers,"
        + "consent_recorded_by,consent_recorded_on\n"

    /// A full row reads into the record; spaces in the NHS number are allowed.
    @Test func readsAFullRow() throws {
        let text =
            Self.header
            + "P1,943 476 5919,\"1 Mill Lane, Stafford ST16 2AB\",Jo (daughter) 07700 900123,Mill Lane Surgery,yes,no,penicillin,yes,"
            + "kitchen drawer,yes,record;care_plan,A. Nurse (district nurse),2026-11-02\n"
        let parsed = try parse(RecordsImport.self, text)
        #expect(parsed.issues.isEmpty)
        #expect(parsed.writes.map(\.line) == [2])
        var reader = RowReader(try CSVFile(text: text, name: "records.csv").records[0])
        let record = try #require(RecordsImport.value(&reader, knownIDs))
        #expect(record.nhsNumber?.digits == "9434765919")
        #expect(record.risks == ClientRecord.Risks(falls: true, hoist: false, allergies: "penicillin", dnacprLocation: "kitchen drawer"))
        let recordedOn = try #require(LocalDate(iso: "2026-11-02"))
        #expect(
            record.consent == ClientRecord.Consent(covers: [.record, .carePlan], recordedBy: "A. Nurse (district nurse)", recordedOn: recordedOn))
    }

    /// Bad rows are named by line and column, never by the value (it is personal data).
    @Test func namesEachBadField() throws {
        let text =
            Self.header
            + "P1,9434765918,,,,,,,,,,,,\n"  // check digit
            + "P9,3040119800,,,,,,,,,,,,\n"  // unknown client; a number that can never be valid
            + "P1,,,,,,,,yes,,,,,\n"  // DNACPR without where
            + "P1,,,,,,,,,,yes,record;gossip,,\n"  // consent incomplete and a scope that does not exist
            + "P1,,,,,,,,,,no,notes,,\n"  // consent fields without consent
            + "P1,,,,,maybe,,,,,,,,\n"
        #expect(
            try issues(RecordsImport.self, text) == [
                "2: nhs_number: not an NHS number (the check digit does not match)",
                "3: client: unknown client P9",
                "3: nhs_number: not an NHS number (no check digit is possible)",
                "4: dnacpr_location: required when dnacpr is yes (where the form is kept)",
                "5: consent_covers: must be one or more of record, care_plan, notes",
                "5: consent_recorded_by: required",
                "5: consent_recorded_on: required",
                "6: consent_covers: only with consent yes",
                "7: falls_risk: expected yes or no",
            ])
        #expect(!(try issues(RecordsImport.self, text)).joined().contains("9434765918"))
    }

    /// One row per client: a repeat is named against the first.
    @Test func oneRowPerClient() throws {
        #expect(
            try issues(RecordsImport.self, Self.header + "P1,,,,,,,,,,,,,\nP1,,,,,,,,,,,,,\n") == [
                "3: duplicate client P1 (first on line 2)"
            ])
    }
}
