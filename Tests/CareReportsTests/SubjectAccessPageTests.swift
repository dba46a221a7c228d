import Testing

@testable import CareReports

/// The printable page of a subject access export: every section of the document in order,
/// objects as tables, lists of objects with a column per field, everything escaped.
@Suite("Subject access page")
struct SubjectAccessPageTests {
    static let json = """
        {"format": "carehub.subject-access/1", "generated_at": "2026-12-02T10:00:00Z", "time_zone": "Europe/London",
         "person": {"given_name": "Edith <E>", "home_first": true, "date_of_birth": null},
         "notes": [{"body": "Fell & recovered", "author_name": "Nia"}, {"body": "Better", "author_name": "Tom", "corrects": 1}],
         "care_plan": [], "audit": [{"who": "Nia", "action": "read", "changed_columns": ["a", "b"]}],
         "extra_section": 42}
        """

    @Test func everySectionAsATable() throws {
        let page = try #require(SubjectAccessPage.render(json: Self.json, client: "P-1"))
        // The known sections in their order, then anything else.
        let headings = page.matches(of: /<h2>([^<]*)<\/h2>/).map { String($0.1) }
        #expect(headings == ["Person", "Care plan", "Notes", "Audit", "Extra section"])
        #expect(page.contains("<th>Given name</th><td>Edith &lt;E&gt;</td>") && page.contains("<th>Home first</th><td>yes</td>"))
        // A list of objects: one column per field any of them has.
        #expect(page.contains("<tr><th>Author name</th><th>Body</th><th>Corrects</th></tr>"))
        #expect(page.contains("<td>Fell &amp; recovered</td>") && page.contains("<td>1</td>"))
        #expect(page.contains("<td>a, b</td>") && page.contains(#"<p class="muted">None.</p>"#) && page.contains("<p>42</p>"))
        #expect(page.contains("times in UTC (local dates in Europe/London)."))
        #expect(SubjectAccessPage.render(json: "[1, 2]", client: "P-1") == nil)
    }
}
