namespace AsMassageAdvisor.Reports;

/// <summary>The session sheet's style sheet, inline in the page (the page loads nothing).</summary>
internal static class SessionSheetStyle
{
    // Colours: a light-to-dark ramp from info (blue) through caution (yellow) and warning (orange) to
    // contraindicated (red) and stop (near black red), each also named in words beside it. Text on a
    // coloured badge keeps a contrast of at least 4.5:1.
    public const string Css = """
        @page { size: A4 portrait; margin: 12mm; }
        * { box-sizing: border-box; }
        html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111; background: #fff; }
        body { margin: 0 auto; max-width: 60rem; padding: 1rem; font-size: 11pt; line-height: 1.35; overflow-wrap: anywhere; word-break: break-word; }
        h1 { font-size: 1.3rem; margin: 0 0 .4rem; }
        h1 .sub { font-weight: normal; color: #333; }
        h2 { font-size: 1.1rem; margin: .9rem 0 .3rem; border-bottom: 1px solid #999; }
        h3 { font-size: 1rem; margin: .5rem 0 .2rem; }
        .decision { border: 3px solid #111; border-radius: 6px; padding: .5rem .8rem; }
        .decision-words { font-size: 2rem; font-weight: bold; margin: 0; text-transform: uppercase; letter-spacing: .02em; }
        .decision-sentence { margin: .2rem 0; font-size: 1.1rem; }
        .decision-doNotProceed { background: #450a0a; color: #fff; border-color: #450a0a; }
        .decision-doNotProceed .badge { border-color: #fff; }
        .whole-stop { border: 2px solid #450a0a; padding: .2rem .5rem; margin: .2rem 0 .4rem; }
        .decision-proceedWithModifications { background: #fee2e2; border-color: #b91c1c; }
        .decision-proceedWithCaution { background: #fef3c7; border-color: #92400e; }
        .decision-proceed { background: #ecfdf5; border-color: #065f46; }
        .decision.worst-warning { background: #ffedd5; border-color: #c2410c; }
        .decision.worst-contraindicated { background: #fee2e2; border-color: #b91c1c; border-width: 5px; }
        .decision.worst-caution { background: #fef3c7; border-color: #92400e; }
        .whole { margin: .3rem 0 0; font-weight: bold; }
        .whole-list { margin: .1rem 0; padding-left: 1.2rem; }
        .map-row { display: flex; gap: 1rem; align-items: flex-start; }
        .body-map { flex: 0 0 auto; }
        .map-text h3 { margin-top: 0; }
        .region-list, .legend { list-style: none; padding: 0; margin: 0 0 .5rem; }
        .region-list li, .legend li { margin: .1rem 0; }
        .region { stroke: #555; stroke-width: 1.5; stroke-linejoin: round; }
        .region.planned { stroke: #000; stroke-width: 3; }
        .region.planned.sev-none, .swatch.sev-none.planned { fill: #a7f3d0; background: #a7f3d0; }
        .view-label { font-size: 16px; fill: #111; }
        .sev-none { fill: #f3f4f6; background: #f3f4f6; color: #111; }
        .sev-info { fill: #bfdbfe; background: #bfdbfe; color: #111; }
        .sev-caution { fill: #fde047; background: #fde047; color: #111; }
        .sev-warning { fill: #fb923c; background: #fb923c; color: #111; }
        .sev-contraindicated { fill: #b91c1c; background: #b91c1c; color: #fff; }
        .sev-stop { fill: #450a0a; background: #450a0a; color: #fff; }
        .swatch { display: inline-block; width: 1.1em; height: 1.1em; border: 1px solid #333; vertical-align: -.2em; margin-right: .4em; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        .badge { display: inline-block; padding: 0 .35em; border: 1px solid #333; border-radius: 3px; font-size: .85em; font-weight: bold; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        .advisory .badge { vertical-align: .1em; }
        .decision, .sev-none, .sev-info, .sev-caution, .sev-warning, .sev-contraindicated, .sev-stop { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        article.advisory { background: none; color: #111; border-left: 6px solid #999; padding: .1rem 0 .1rem .6rem; margin: .4rem 0; break-inside: avoid; }
        article.advisory.sev-info { border-left-color: #3b82f6; }
        article.advisory.sev-caution { border-left-color: #ca8a04; }
        article.advisory.sev-warning { border-left-color: #ea580c; }
        article.advisory.sev-contraindicated { border-left-color: #b91c1c; }
        article.advisory.sev-stop { border-left-color: #450a0a; }
        .message { margin: .1rem 0; }
        dl { display: grid; grid-template-columns: 7rem 1fr; gap: .05rem .5rem; margin: .2rem 0; font-size: .9em; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        .citations { margin: 0; padding-left: 1rem; }
        table.plan, table.changes { border-collapse: collapse; width: 100%; }
        table.plan th, table.plan td, table.changes th, table.changes td { border: 1px solid #666; padding: .15rem .4rem; text-align: left; vertical-align: top; }
        table.plan thead th, table.changes thead th { background: #e5e7eb; }
        table.changes th, table.changes td:nth-child(2), table.changes td:last-child { white-space: nowrap; overflow-wrap: normal; word-break: normal; }
        code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .9em; }
        .sha { font-size: .8em; }
        a { color: #1d4ed8; }
        footer { margin-top: .8rem; font-size: .9em; }
        .disclaimer { border: 1px solid #111; padding: .3rem .5rem; }
        @media print {
          body { padding: 0; max-width: none; font-size: 8.5pt; line-height: 1.3; }
          .decision-words { font-size: 1.6rem; }
          svg.body-map { width: 62mm; height: 62mm; }
          h2 { margin: .6rem 0 .2rem; }
          article.advisory { margin: .25rem 0; }
          h2 { break-after: avoid; }
          table.plan tr, table.changes tr { break-inside: avoid; }
          a { color: #111; }
        }

        """;
}
