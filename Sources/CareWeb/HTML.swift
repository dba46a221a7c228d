import CareReports

/// Server-rendered HTML: escaping and the page every screen shares.
///
/// Pages are built as strings from small typed functions rather than a template engine: each
/// value passes through `HTML.escape` on its way in, so a name like `<script>` is text, never
/// markup. No inline script or style (the Content-Security-Policy forbids both).
public enum HTML {
    /// Text safe inside an element or a double-quoted attribute.
    public static func escape(_ text: String) -> String {
        // Most text (ids, names, times) has nothing to escape: return it as it is, as the
        // roster board escapes thousands of values per page.
        // (0xC2 leads the C1 controls, which the sheets drop.)
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        {
            return text
        }
        // The same rules as the printable sheets: one escaper for all of carehub's HTML.
        return PrintableSheets.esc(text)
    }

    /// A whole page: `title` (escaped here), `body` and `header` (the signed-in navigation), both
    /// already HTML.
    public static func page(title: String, body: String, header: String = "", wide: Bool = false) -> String {
        """
        <!doctype html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · carehub</title>
        <link rel="stylesheet" href="/static/carehub.css">
        <script src="/static/carehub.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site"><a class="brand" href="/">carehub</a>\(header)</header>
        <main id="main"\(wide ? #" class="wide""# : "")>
        \(body)
        </main>
        </body>
        </html>

        """
    }
}
