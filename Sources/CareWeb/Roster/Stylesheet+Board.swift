extension Stylesheet {
    /// The hub week and the roster board. A day is 288 five-minute steps: `.sN` puts a block N
    /// steps after midnight and `.wN` makes it N steps wide (classes, since inline styles are
    /// forbidden by the Content-Security-Policy).
    static let board: String = {
        var css = """
            .badge { display: inline-block; padding: 0 0.4rem; border: 1px solid var(--ink); border-radius: 0.2rem; font-size: 0.85rem; }
            .badge.published { background: #cce2d8; } .badge.draft { background: #fff7bf; } .badge.superseded { background: #eee; }
            .badge.home_first { background: #f4cdc6; } .badge.lent { background: #e8f1f8; }
            .notice { border-left: 5px solid var(--link); padding-left: 0.5rem; }
            form.inline { display: inline-block; margin: 0 1rem 0.5rem 0; }
            input[type=number] { width: 5rem; font: inherit; } select, input[type=week], input[type=text] { font: inherit; }
            .figures { display: flex; flex-wrap: wrap; gap: 1rem; }
            .figure { border: 1px solid var(--line); padding: 0.5rem 1rem; margin: 0; }
            .figure .value { display: block; font-size: 1.5rem; font-weight: 700; }
            tr[aria-current] td { font-weight: 700; }
            ul.columns { columns: 3 14rem; }
            .weekpicker a { margin: 0 0.5rem; }
            .filters { margin: 0.5rem 0; }
            .board-wrap { display: flex; gap: 1rem; align-items: flex-start; }
            table.board { table-layout: fixed; width: 100%; border-collapse: collapse; font-size: 0.8rem; }
            table.board th[scope=row] { width: 11rem; vertical-align: top; font-weight: 400; }
            table.board thead th { font-size: 0.8rem; }
            table.board td.lane { padding: 0; border-left: 1px solid var(--line); }
            .track { position: relative; height: 2.6rem; }
            table.board.day .track { height: 3rem; }
            .track { overflow: hidden; }
            .track .hours { position: absolute; top: 0; bottom: 0; left: 0; width: 100%; }
            .track .hours.focus { left: calc(-6 * 100% / 17); width: calc(24 * 100% / 17); }
            .track .hours > * { position: absolute; top: 0.3rem; bottom: 0.3rem; overflow: hidden; }
            .track .shift { top: 0; bottom: 0; background: #f3f2f1; }
            .track .travel { top: 1.1rem; bottom: 1.1rem; background: repeating-linear-gradient(90deg, #505a5f 0 2px, transparent 2px 4px); }
            .track .wait { top: 1.2rem; bottom: 1.2rem; border-top: 2px dotted #505a5f; }
            .track .visit { background: #1d70b8; color: #fff; text-decoration: none; border-radius: 2px; padding: 0 1px; font-size: 0.7rem;
              line-height: 1.1; white-space: nowrap; min-width: 3px; }
            .track .visit.home_first { background: #942514; } .track .visit.high { background: #003078; }
            .track .visit .prio { font-weight: 700; margin-right: 1px; }
            .track .visit.double { outline: 2px solid #ffdd00; outline-offset: -2px; }
            .track .visit.pinned { border-bottom: 3px solid #ffdd00; }
            .track .visit.late { border-right: 3px dashed #ffdd00; } .track .visit .lateness { font-weight: 700; }
            .track .visit.partner-lit { box-shadow: 0 0 0 3px #ffdd00; z-index: 2; }
            .track .visit:focus { z-index: 3; overflow: visible; }
            table.board.week .track .visit .t { display: none; }
            .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
            aside.unassigned { flex: 0 0 18rem; max-height: 80vh; overflow: auto; border-left: 4px solid #d4351c; padding-left: 0.5rem; }
            aside.unassigned ul { padding-left: 1rem; } aside.unassigned li { margin-bottom: 0.5rem; }
            .reason { color: var(--muted); font-size: 0.9rem; }
            .candidates td.free { font-weight: 700; }
            @media print {
              .board-wrap { display: block; } aside.unassigned { max-height: none; border: 0; }
              .track .visit { color: #000; background: #fff; border: 1px solid #000; }
              .track .shift { background: #fff; border-top: 1px solid #ccc; }
              table.board { font-size: 7pt; } @page { size: landscape; }
            }

            """
        for n in 0..<288 { css += ".s\(n){left:calc(\(n)*100%/288)}" }
        css += "\n"
        for n in 1...288 { css += ".w\(n){width:calc(\(n)*100%/288)}" }
        return css + "\n"
    }()
}
