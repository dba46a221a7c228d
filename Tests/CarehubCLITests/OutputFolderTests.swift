import Foundation
import Testing

@testable import carehub

@Suite("Export output folder")
struct OutputFolderTests {
    /// Names that could leave the folder are refused, and so is a folder that is a symbolic link out of it.
    @Test func refusesEscapes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carehub-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let outside = dir.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        var folder = try OutputFolder(dir.appendingPathComponent("out").path)
        try folder.write("ok", ["ics", "C1.ics"])
        for bad in [["..", "x"], ["ics", "../x"], [".x"], ["a/b"], ["x\u{0}y"], [""], ["."], []] {
            #expect(throws: CommandFailure.self, "\(bad)") { try folder.write("bad", bad) }
        }
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("out/html"), withDestinationURL: outside)
        #expect(throws: CommandFailure.self) { try folder.write("bad", ["html", "C1.html"]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["out", "outside"])
        #expect(folder.written == 1)
    }
}
