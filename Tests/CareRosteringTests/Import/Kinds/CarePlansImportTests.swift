import CareModel
import Testing

@testable import CareRostering

@Suite("care-plans.csv")
struct CarePlansImportTests {
    static let header = "client,kind,call,description,review_on\n"

    /// A client's rows are one plan, in file order; clients are written in the order first seen.
    @Test func rowsOfAClientAreOnePlan() throws {
        let text =
            Self.header + "P1,access,,key safe by the back door,\n" + "P2,meal,tea,soup and a sandwich,\n"
            + "P1,medication_prompt,am,blister pack,\n" + "P1,outcome,,walks to the shop,2027-01-15\n"
        let known = References(hubs: ["STAF"], carers: [], clients: ["P1", "P2"], vacancies: [])
        let parsed = CarePlansImport.parse(try CSVFile(text: text, name: "care-plans.csv"), known)
        #expect(parsed.issues.isEmpty)
        #expect(parsed.writes.map(\.line) == [2, 3])
    }

    /// Bad rows are named by line and column, never by what they say (it is personal data).
    @Test func namesEachBadField() throws {
        let text =
            Self.header + "P9,meal,,soup,\n"  // unknown client
            + "P1,bath,,a long soak,\n"  // no such kind
            + "P1,access,am,key safe,\n"  // access on a call
            + "P1,outcome,,walks again,\n"  // outcome without review
            + "P1,meal,,soup,2027-01-01\n"  // review on a task
            + "P1,meal,a b,,\n"  // bad call label, no description
        #expect(
            try issues(CarePlansImport.self, text) == [
                "2: client: unknown client P9",
                "3: kind: must be one of access, personal_care, medication_prompt, meal, mobility, domestic, other, outcome",
                "4: call: blank for access: it belongs to no call",
                "5: review_on: required",
                "6: review_on: only for an outcome",
                "7: call: \(try #require(ExternalID.problem("a b")))",
                "7: description: required",
            ])
        #expect(!(try issues(CarePlansImport.self, text)).joined().contains("soak"))
    }
}
