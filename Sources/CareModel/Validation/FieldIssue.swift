/// One problem with an input, the one issue type of every input carehub reads: problem files
/// (`visits[17].window_end: before window_start`), CSV imports (`17: hub: unknown hub XYZ`, the
/// file name prefixed by `ImportError`) and command options (`hubs: must be 1…15`).
///
/// Where: a line of a file or a JSON path, when the input has one. What: the field (a CSV
/// column or an option), when the problem is about one; a JSON path already ends in its field.
/// Names the field, never its value: values may be personal data.
public struct FieldIssue: Hashable, Sendable, CustomStringConvertible {
    /// Where in a file the problem is.
    public enum Location: Hashable, Sendable {
        /// A line of a text file (1 is a CSV file's header row; 0 the file as a whole).
        case line(Int)
        /// A JSON path such as `visits[17].window_end`, or `$` for the whole document.
        case path(String)
    }

    /// Where the problem is, when the input has lines or paths.
    public var location: Location?
    /// The field (a CSV column or an option), when the problem concerns one.
    public var field: String?
    /// What is wrong.
    public var problem: String

    /// An issue with a field of a record that has no location of its own.
    public init(_ field: String, _ problem: String) {
        self.init(location: nil, field: field, problem: problem)
    }

    /// An issue on a line of a file, with one column or (nil) the whole line.
    public init(line: Int, field: String?, problem: String) {
        self.init(location: .line(line), field: field, problem: problem)
    }

    /// An issue at a JSON path.
    public init(path: String, problem: String) {
        self.init(location: .path(path), field: nil, problem: problem)
    }

    public init(location: Location?, field: String?, problem: String) {
        self.location = location
        self.field = field
        self.problem = problem
    }

    /// `LINE: field: problem`, `path: problem` or `field: problem`.
    public var description: String {
        var parts: [String] = []
        switch location {
        case .line(let line): parts.append(String(line))
        case .path(let path): parts.append(path)
        case nil: break
        }
        if let field { parts.append(field) }
        return (parts + [problem]).joined(separator: ": ")
    }
}
