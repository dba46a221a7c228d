/// One problem with one field of an input record: `window_end: before window_start`.
///
/// Names the field, never its value: values may be personal data.
public struct FieldIssue: Hashable, Sendable, CustomStringConvertible {
    /// The field (a CSV column or a JSON path).
    public var field: String
    /// What is wrong with it.
    public var problem: String

    /// An issue.
    public init(_ field: String, _ problem: String) {
        self.field = field
        self.problem = problem
    }

    /// `field: problem`.
    public var description: String { "\(field): \(problem)" }
}
