/// One thing wrong with a problem file, located by JSON path: `visits[17].window_end: before window_start`.
/// Paths and identifiers only; never names, places or care needs.
public struct ProblemIssue: Sendable, Equatable, CustomStringConvertible {
    /// `visits[17].window_end`, or `$` for the whole document.
    public let path: String
    public let problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}

/// A problem file that cannot be used, with every issue found.
public struct ProblemError: Error, Sendable, CustomStringConvertible {
    /// The file, as the user named it.
    public let file: String
    public let issues: [ProblemIssue]

    public init(file: String, issues: [ProblemIssue]) {
        self.file = file
        self.issues = issues
    }

    /// One line per issue, each prefixed with the file; at most 50, then a count of the rest.
    public var description: String {
        var lines = issues.prefix(50).map { "\(file): \($0)" }
        if issues.count > 50 { lines.append("\(file): … and \(issues.count - 50) more") }
        return lines.joined(separator: "\n")
    }
}
