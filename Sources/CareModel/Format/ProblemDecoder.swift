import Foundation

/// Reads and validates a `carehub.problem/1` document. Collects every issue it can find
/// (unknown ids, bad windows, overlapping shifts, timestamps without offsets…) before failing,
/// so that one run shows the user everything to fix.
public enum ProblemDecoder {
    /// Decodes `data`, naming `file` in errors. Ids must match `ExternalID`'s pattern unless
    /// `strictIDs` is false, which only the re-reading of documents carehub itself stored uses
    /// (a version generated before the pattern was enforced must still export; the export keeps
    /// its file names safe on its own).
    public static func decode(_ data: Data, file: String, strictIDs: Bool = true) throws -> Problem {
        let raw: RawProblem
        do {
            raw = try JSONDecoder().decode(RawProblem.self, from: data)
        } catch let error as DecodingError {
            throw ProblemError(file: file, issues: [issue(for: error)])
        }
        var v = Validator()
        v.strictIDs = strictIDs
        let problem = v.validate(raw)
        guard let problem, v.issues.isEmpty else { throw ProblemError(file: file, issues: v.issues) }
        return problem
    }

    /// Reads a file and decodes it.
    public static func load(path: String) throws -> Problem {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProblemError(file: path, issues: [FieldIssue(path: "$", problem: "cannot read the file")])
        }
        return try decode(data, file: path)
    }

    /// Turns a JSON decoding failure into a located issue.
    static func issue(for error: DecodingError) -> FieldIssue {
        switch error {
        case .typeMismatch(let type, let context):
            return FieldIssue(path: path(context.codingPath), problem: "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return FieldIssue(path: path(context.codingPath), problem: "expected \(describe(type)), found null")
        case .keyNotFound(let key, let context):
            return FieldIssue(path: path(context.codingPath + [key]), problem: "missing")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return FieldIssue(path: "$", problem: "not valid JSON" + (detail.map { " (\($0))" } ?? ""))
            }
            return FieldIssue(path: path(context.codingPath), problem: "invalid value")
        @unknown default:
            return FieldIssue(path: "$", problem: "not a carehub problem document")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "$" : text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is [String].Type, is [Any].Type: return "an array"
        default: return "a value of another type"
        }
    }
}
