/// The site's plain JavaScript, served from memory at `/static/carehub.js` (the policy allows
/// scripts from carehub itself only; no inline script). Only progressive enhancement: every page
/// works without it. Each group of pages adds its part in its own `Scripts+….swift` file.
enum Scripts {
    static let js = [base, board].joined(separator: "\n")

    static let base = """
        "use strict";

        """
}
