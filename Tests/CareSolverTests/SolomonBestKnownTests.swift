import Foundation
import SolomonBenchmark
import Testing

/// The best-known table the Solomon benchmark compares with.
@Suite("Solomon best known")
struct SolomonBestKnownTests {
    /// Listed values are read as they are, except the corrected entries, which are replaced.
    @Test func correctionsReplaceUnreachableEntries() {
        let csv = "instance,vehicles,distance,source\nc101,10,828.94,x\nr109,13,1101.37,y\nrc103,11,1249.86,z\nbad,1,n/a,w\n"
        let table = SolomonBestKnown.table(csv: csv)
        #expect(table == ["c101": 828.94, "r109": 1151.91, "rc103": 1261.67])
    }

    /// A correction lies at or above the proven optimum on truncated distances, and the
    /// entry it replaces lay below it (otherwise it was not unreachable).
    @Test func correctionsLieAboveTheProvenOptimum() {
        let listed = ["r109": 1101.37, "rc103": 1249.86]
        for (name, correction) in SolomonBestKnown.corrections {
            #expect(correction.distance >= correction.truncatedOptimum, "\(name)")
            #expect((listed[name] ?? .infinity) < correction.truncatedOptimum, "\(name)")
            #expect(correction.reason.contains(String(format: "%.1f", correction.truncatedOptimum)), "\(name)")
        }
    }
}
