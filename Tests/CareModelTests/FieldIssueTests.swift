import CareModel
import Testing

@Suite("FieldIssue")
struct FieldIssueTests {
    /// The three inputs keep their own texts: a CSV line and column, a JSON path, an option alone.
    @Test(arguments: [
        (FieldIssue(line: 17, field: "hub", problem: "unknown hub XYZ"), "17: hub: unknown hub XYZ"),
        (FieldIssue(line: 0, field: nil, problem: "cannot read the file"), "0: cannot read the file"),
        (FieldIssue(path: "visits[17].window_end", problem: "before window_start"), "visits[17].window_end: before window_start"),
        (FieldIssue("hubs", "must be 1…15"), "hubs: must be 1…15"),
    ])
    func describesLocationFieldAndProblem(_ issue: FieldIssue, _ text: String) {
        #expect(issue.description == text)
    }
}
