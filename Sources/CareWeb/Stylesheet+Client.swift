extension Stylesheet {
    /// The client page: status labels, the familiar-carer and double-up marks (words, never
    /// colour alone), and visit tables that scroll sideways on a phone.
    static let client = """
        .client-week table, .client-unassigned table { width: 100%; }
        .client-week { overflow-x: auto; }
        .status { font-size: 0.875rem; font-weight: 400; padding: 0 0.5rem; border: 1px solid var(--ink); margin-left: 0.5rem; }
        .status-draft { border-style: dashed; }
        .familiar, .double { font-size: 0.875rem; padding: 0 0.375rem; border: 1px solid var(--line); margin-left: 0.25rem; }
        .familiar { background: #e8f1f8; }
        .double { background: #f3f2f1; }
        span.unassigned { font-weight: 700; color: #d4351c; }
        ul.carers, ul.windows { columns: 2 16rem; }
        code.secret { font-size: 1.125rem; word-break: break-all; }
        ol.notes li p:last-child { white-space: pre-line; }
        @media print { .client-week { overflow: visible; } .status { border: none; } }

        """
}
