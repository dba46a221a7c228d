extension Stylesheet {
    /// Report pages and the landing pages: pickers in a row, numbers right-aligned, the chart
    /// shrinking to the screen, and on paper no pickers or download links.
    static let reports = """
        form.picker fieldset { border: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: flex-end; }
        form.picker p.field { margin: 0.25rem 0; }
        form.picker label { display: block; font-weight: 700; }
        form.picker input[type=date], form.picker select { font: inherit; padding: 0.25rem; }
        form.picker .error { display: block; margin-top: 0.25rem; }
        form.picker [aria-invalid=true] { border: 3px solid #d4351c; }
        table.report { margin: 1rem 0 2rem; }
        table.report caption { text-align: left; font-weight: 700; font-size: 1.1rem; padding-bottom: 0.5rem; }
        table.report td.num, table.report th.num { text-align: right; font-variant-numeric: tabular-nums; }
        table.report thead th { border-bottom: 2px solid var(--ink); vertical-align: bottom; }
        table.report tbody th { font-weight: 400; }
        table.headline tbody th { font-weight: 700; }
        figure.chart { margin: 1rem 0; }
        figure.chart svg { max-width: 100%; height: auto; }
        figure.chart figcaption { color: var(--muted); }
        p.notice { border-left: 5px solid var(--link); padding-left: 0.5rem; }
        ul.anchors li { margin-bottom: 0.25rem; }
        @media print { form.picker, p.downloads { display: none; } table.report { page-break-inside: auto; } tr { page-break-inside: avoid; } }

        """
}
