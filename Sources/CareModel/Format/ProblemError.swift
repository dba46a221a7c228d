/// A problem file that cannot be used, with every issue found.
public struct ProblemError: Error, Sendable, CustomStringConvertible {
    /// The file, as the user named it.
    public let file: String
    public let issues: [FieldIssue]

    public init(file: String, issues: [FieldIssue]) {
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
