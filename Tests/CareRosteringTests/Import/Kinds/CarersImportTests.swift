import CareModel
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

@Suite("carers.csv: transport")
struct CarersTransportImportTests {
    static let header =
        "external_id,hub,given_name,family_name,home_lat,home_lon,contract_type,contracted_hours,max_hours,hourly_rate,start_date,transport\n"

    /// The optional `transport` column: blank is a car, a known mode is read (any case), any
    /// other word is named with the choices.
    @Test func readsTransport() throws {
        let text =
            Self.header + "C1,STAF,Al,Ray,52.8,-2.1,permanent,10,30,12.71,2024-01-08,\n"
            + "C2,STAF,Bo,Ray,52.8,-2.1,permanent,10,30,12.71,2024-01-08,Walk\n"
            + "C3,STAF,Cy,Ray,52.8,-2.1,permanent,10,30,12.71,2024-01-08,bus\n"
        #expect(try issues(CarersImport.self, text) == ["4: transport: must be one of car, walk, cycle, public"])
        let file = try CSVFile(text: text, name: "carers.csv")
        let read = file.records.prefix(2).map { record -> CareModel.TransportMode? in
            var row = RowReader(record)
            return CarersImport.value(&row, knownIDs)?.transport
        }
        #expect(read == [.car, .walk])
    }
}
