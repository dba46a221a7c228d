extension Stylesheet {
    /// The manager's carer page and the carer's own phone page. The phone page is one column with
    /// tap targets of at least 44 px (WCAG 2.5.5); the carer sheet prints without forms or links.
    static let carer = """
        .carer-page .status { padding: 0.5rem; border-left: 5px solid var(--ink); }
        .carer-page .status-draft, .carer-page .status-superseded { border-left-color: #f47738; background: #fff7f0; }
        .carer-page .status-published { border-left-color: #00703c; }
        .carer-page .notice { border-left: 5px solid var(--link); padding-left: 0.5rem; }
        .carer-page form.inline { display: inline-block; margin: 0 0.5rem 0.5rem 0; }
        .carer-page .version-picker select { font: inherit; padding: 0.25rem; }
        .carer-page .carer-summary caption { text-align: left; font-weight: 700; }
        .carer-page td.below { color: #d4351c; }
        .carer-link .issued { border: 3px solid #00703c; padding: 0.5rem 1rem; margin-bottom: 1rem; }
        .carer-link .link-address { word-break: break-all; font-family: ui-monospace, monospace; }
        .carer-day h3 { margin: 1rem 0 0.25rem; font-size: 1.1rem; border-bottom: 2px solid var(--line); }
        ol.carer-visits { list-style: none; margin: 0; padding: 0; }
        li.carer-visit { padding: 0.5rem 0; border-bottom: 1px solid var(--line); }
        li.carer-visit .time { font-weight: 700; font-variant-numeric: tabular-nums; margin-right: 0.5rem; }
        li.carer-visit .details { display: block; color: var(--muted); }
        .my-week { max-width: 36rem; margin: 0 auto; font-size: 1.125rem; }
        .my-week h1 { font-size: 1.5rem; }
        .my-week li.carer-visit { padding: 0.75rem 0; }
        .my-week .subscribe { display: flex; flex-direction: column; gap: 0.75rem; }
        .my-week a.button { display: block; min-height: 44px; padding: 0.75rem 1rem; text-align: center; font-weight: 700;
          color: #fff; background: #00703c; text-decoration: none; border-radius: 4px; }
        .my-week a.button.secondary { color: var(--ink); background: #f3f2f1; border: 2px solid var(--line); }
        .my-week a.button:focus { outline: 3px solid var(--focus); color: var(--ink); background: var(--focus); }
        .my-week ul.my-changes { padding-left: 1.25rem; }
        @media print {
          .carer-page .status { border-left: 0; padding: 0; background: none; }
          .carer-link, .version-picker, .my-week .subscribe { display: none; }
          .carer-day { break-inside: avoid; }
          li.carer-visit .details { color: var(--ink); }
          .carer-page table { width: 100%; font-size: 10pt; }
        }

        """
}
