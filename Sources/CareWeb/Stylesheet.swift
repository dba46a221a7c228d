/// The one stylesheet, served from memory at `/static/carehub.css` (the policy allows styles
/// from carehub itself only). Print rules keep sheets readable on paper. Each group of pages adds
/// its rules in its own `Stylesheet+….swift` file.
enum Stylesheet {
    static let css = [base, board, reports, client, carer].joined(separator: "\n")

    static let base = """
        :root { --ink: #1b1b1b; --muted: #505a5f; --line: #b1b4b6; --focus: #ffdd00; --link: #1d70b8; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); }
        header.site { padding: 0.75rem 1rem; border-bottom: 4px solid var(--ink); display: flex; flex-wrap: wrap; gap: 1rem;
          align-items: center; }
        header.site nav ul.nav { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
        header.site form.signout { margin-left: auto; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: 0.5rem; background: var(--focus); padding: 0.25rem; }
        main.wide { max-width: none; }
        header.site .brand { font-weight: 700; font-size: 1.25rem; color: var(--ink); text-decoration: none; }
        main { padding: 1rem; max-width: 72rem; }
        a { color: var(--link); }
        a:focus, button:focus, input:focus, select:focus { outline: 3px solid var(--focus); outline-offset: 0; }
        table { border-collapse: collapse; }
        th, td { text-align: left; padding: 0.25rem 0.75rem 0.25rem 0; border-bottom: 1px solid var(--line); }
        .muted { color: var(--muted); }
        .error { color: #d4351c; font-weight: 700; border-left: 5px solid #d4351c; padding-left: 0.5rem; }
        input[type=email], input[type=password] { font: inherit; padding: 0.25rem; width: min(24rem, 100%); }
        button { font: inherit; padding: 0.25rem 1rem; }
        @media print { header.site, .skip, form.noprint, .noprint { display: none; } a { color: var(--ink); text-decoration: none; } }

        """
}
