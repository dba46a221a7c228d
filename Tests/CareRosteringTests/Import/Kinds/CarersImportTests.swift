import Testing

@testable import CareRostering

@Suite("carers.csv")
struct CarersImportTests {
    static let header =
        "external_id,hub,given_name,family_name,home_lat,home_lon,contract_type,zero_hours,contracted_hours,max_hours,hourly_rate,"
        + "start_date,lendable_to\n"

    /// Hours on a zero-hours contract and an unknown lending hub are named; a good row is one write.
    @Test func checksContractAndLending() throws {
        let text =
            Self.header
            + "C2,STAF,Bo,Ray,52.8,-2.1,permanent,yes,10,30,12.71,2024-01-08,XX\nC3,STAF,Cy,Ray,52.8,-2.1,bank,no,0,30,12.71,2024-01-08,\n"
        #expect(
            try issues(CarersImport.self, text) == [
                "2: lendable_to: unknown hub XX",
                "2: contracted_hours: must be 0 on a zero-hours contract",
            ])
        #expect(try parse(CarersImport.self, text).writes.map(\.line) == [3])
    }
}
