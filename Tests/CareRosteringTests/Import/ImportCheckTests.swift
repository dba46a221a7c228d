import CareModel
import Foundation
import Testing

@testable import CareRostering

/// The fuzz package's files: seeds in `fuzz/corpus/import`, crashes it found in
/// `fuzz/regressions/import`. Byte 0 of each picks the kind, as in the fuzz target.
enum FuzzFiles {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fuzz")

    /// Every non-hidden file in `fuzz/<folder>`, by name.
    static func files(_ folder: String) throws -> [(name: String, data: Data)] {
        let dir = root.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }.sorted().map {
            ($0, try Data(contentsOf: dir.appendingPathComponent($0)))
        }
    }

    /// The kind and file an input stands for, as the fuzz target reads it.
    static func split(_ data: Data) -> (ImportKind, Data) {
        let kinds = ImportKind.allCases
        return (kinds[Int(data.first ?? 0) % kinds.count], Data(data.dropFirst()))
    }
}

@Suite("Import check without a database")
struct ImportCheckTests {
    /// The identifiers the fuzz target knows (fuzz/Sources/FuzzImport).
    static let fuzzKnown = References(
        hubs: ["STAF", "CANN", "LICH"], carers: ["C-STAF-0001", "C-STAF-0005", "C-STAF-0017"],
        clients: ["P-STAF-0001", "P-STAF-0002"], vacancies: ["V-STAF-0001"])

    /// Every seed is a valid file of its kind: the fuzzer starts from inputs that get past every check.
    @Test func everySeedIsValid() throws {
        let seeds = try FuzzFiles.files("corpus/import")
        #expect(Set(seeds.map { FuzzFiles.split($0.data).0 }).count == ImportKind.allCases.count)
        for seed in seeds {
            let (kind, data) = FuzzFiles.split(seed.data)
            do {
                #expect(try ImportCheck.check(kind, data: data, name: seed.name, known: Self.fuzzKnown) > 0, "\(seed.name)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    /// Every input that once crashed the fuzz target is now refused with an ImportError or imported.
    @Test func fuzzRegressionsDoNotCrash() throws {
        for input in try FuzzFiles.files("regressions/import") {
            let (kind, data) = FuzzFiles.split(input.data)
            do {
                _ = try ImportCheck.check(kind, data: data, name: input.name, known: Self.fuzzKnown)
            } catch is ImportError {}
        }
    }

    /// Bytes that are not UTF-8 are one issue, not a crash.
    @Test func refusesBytesThatAreNotUTF8() {
        #expect {
            try ImportCheck.check(.hubs, data: Data([0x63, 0xFF, 0x0A]), name: "hubs.csv", known: Self.fuzzKnown)
        } throws: { error in
            (error as? ImportError)?.description.hasPrefix("hubs.csv:0: not UTF-8 text") == true
        }
    }
}
