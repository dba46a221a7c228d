import CareModel
import Foundation
import Testing

@Suite("External ids")
struct ExternalIDTests {
    /// The documented pattern: letters, digits, -, _ and .; no leading dot; 1–64 characters.
    @Test func pattern() {
        for good in ["C-STAF-0001", "a", "PKG_1.2", "x.", String(repeating: "9", count: 64), "index"] {
            #expect(ExternalID.isValid(good), "\(good)")
        }
        for bad in [
            "", ".", "..", ".x", "../../x", "a/b", "a\\b", "a b", "a\u{0}b", "a\nb", "é", "Ç1", "x:y", "%41", String(repeating: "9", count: 65),
        ] {
            #expect(!ExternalID.isValid(bad), "\(bad.debugDescription)")
        }
        #expect(ExternalID.problem("a/../x")?.contains("not allowed") == true)
        #expect(ExternalID.problem("../x")?.contains("starts with .") == true)
        #expect(ExternalID.problem(".x")?.contains("starts with .") == true)
        #expect(ExternalID.problem("")?.contains("empty") == true)
    }

    /// A file name from any id is one visible path component, and different ids never share a name.
    @Test func fileNamesNeverEscape() {
        let ids = ["C1", "../../x", ".hidden", "/etc/passwd", "a\u{0}b", "..", ".", "", "%", "a/../../b", "é", String(repeating: "/", count: 500)]
        var names = Set<String>()
        for id in ids {
            let name = ExternalID.fileName(id)
            #expect(!name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.utf8.contains(0), "\(id.debugDescription) → \(name)")
            #expect(name.utf8.count <= 200)
            #expect(name.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 })
            #expect(names.insert(name).inserted, "\(id.debugDescription) collides")
        }
        #expect(ExternalID.fileName("C-STAF-0001") == "C-STAF-0001")
        #expect(ExternalID.fileName("../x") == "%%2E%2E%2Fx")
    }

    /// A problem file's ids follow the same pattern, reported by JSON path without repeating the id.
    @Test func problemIDsAreChecked() {
        let text = ProblemText.valid.replacingOccurrences(of: "\"id\":\"C1\"", with: "\"id\":\"../../C1\"")
            .replacingOccurrences(of: "\"id\":\"V1\"", with: "\"id\":\"V/1\"")
            .replacingOccurrences(of: "\"preferred_carers\":[\"C1\"]", with: "\"preferred_carers\":[\"../../C1\"]")
        let issues = ProblemText.issues(text)
        #expect(issues.contains("carers[0].id: id starts with . (\(ExternalID.rule))"))
        #expect(issues.contains("visits[0].id: id has a character that is not allowed (\(ExternalID.rule))"))
        #expect(issues.contains("clients[0].preferred_carers[0]: carer: id starts with . (\(ExternalID.rule))"))
        #expect(!issues.contains { $0.contains("../../C1") })
        // Documents carehub stored itself are read back even with an id from before the pattern.
        #expect((try? ProblemDecoder.decode(Data(text.utf8), file: "stored", strictIDs: false)) != nil)
    }
}
