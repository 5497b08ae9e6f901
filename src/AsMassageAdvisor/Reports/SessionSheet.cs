using System.Globalization;
using System.Net;
using System.Text;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Reports;

/// <summary>
/// The session sheet: one self-contained, printable HTML page for the treatment table, with the decision,
/// a body map coloured by severity, the plan, the advisories and their citations.
/// </summary>
/// <remarks>
/// The page loads nothing: its style and body map are inline and its content security policy forbids
/// scripts. Every text that comes from the request or from a rule file is HTML-encoded, with control
/// characters made visible. The same request and assessment always give the same bytes.
/// </remarks>
public static class SessionSheet
{
    /// <summary>The regions in the order the map's labels and the page list them.</summary>
    private static readonly BodyRegion[] RegionOrder = Enum.GetValues<BodyRegion>();

    /// <summary>Renders the session sheet of an assessment as a complete HTML document (UTF-8, "\n" line ends).</summary>
    /// <param name="request">The request that was assessed: its plan items give the regions of the body map.</param>
    /// <param name="assessment">The advisor's answer for that request.</param>
    /// <returns>The HTML page.</returns>
    public static string Render(AssessmentRequest request, Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(assessment);

        var items = request.Plan.Items;
        var itemSeverity = ItemSeverities(items.Count, assessment);
        var regionSeverity = RegionSeverities(items, itemSeverity);

        var html = new StringBuilder(32 * 1024);
        Line(html, "<!DOCTYPE html>");
        Line(html, "<html lang=\"en\">");
        Line(html, "<head>");
        Line(html, "<meta charset=\"utf-8\">");
        Line(html, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        // Defence in depth: even a text that escaped encoding could not run a script or load anything.
        Line(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">");
        Line(html, $"<title>Session sheet: {Encode(PlainWords.Of(assessment.Decision))}</title>");
        Line(html, "<style>");
        html.Append(Style);
        Line(html, "</style>");
        Line(html, "</head>");
        Line(html, "<body>");
        Line(html, "<main>");
        AppendDecision(html, assessment);
        AppendBodyMap(html, regionSeverity);
        AppendPlan(html, request, assessment, itemSeverity);
        AppendWhatMustChange(html, assessment);
        AppendAdvisories(html, request, assessment);
        AppendUnknownFacts(html, request, assessment);
        AppendKnowledgeBase(html, assessment);
        Line(html, "</main>");
        Line(html, "</body>");
        Line(html, "</html>");
        return html.ToString();
    }

    // The box is coloured by the worst advisory, so that a warning and a contraindication, both "proceed with changes",
    // do not look the same; a stop is the darkest.
    private static void AppendDecision(StringBuilder html, Assessment assessment)
    {
        var decision = JsonNames.Of(assessment.Decision);
        var worst = SeverityName(assessment.Advisories.Count == 0 ? null : assessment.Advisories.Max(a => a.Severity));
        Line(html, "<header>");
        Line(html, "<h1>Massage session sheet <span class=\"sub\">ankylosing spondylitis</span></h1>");
        Line(html, $"<div class=\"decision decision-{decision} worst-{worst}\" data-decision=\"{decision}\" data-worst-severity=\"{worst}\">");
        Line(html, $"<p class=\"decision-words\">{Encode(PlainWords.Of(assessment.Decision))}</p>");
        Line(html, $"<p class=\"decision-sentence\">{Encode(PlainWords.Sentence(assessment.Decision))}</p>");

        // Advisories on the session as a whole have no region on the map: they are named here instead.
        var whole = assessment.Advisories.Where(a => a.Items.Count == 0 && a.Severity > Severity.Info).ToList();
        if (whole.Count > 0)
        {
            Line(html, "<p class=\"whole\">For the whole session:</p>");
            Line(html, "<ul class=\"whole-list\">");
            foreach (var a in whole)
            {
                Line(html, $"<li data-code=\"{Encode(a.Code)}\" data-severity=\"{JsonNames.Of(a.Severity)}\">{Badge(a.Severity)} {Encode(a.Code)}: {Encode(a.Title)}</li>");
            }

            Line(html, "</ul>");
        }

        Line(html, "</div>");
        Line(html, "</header>");
    }

    private static void AppendBodyMap(StringBuilder html, IReadOnlyDictionary<BodyRegion, Severity?> regionSeverity)
    {
        Line(html, "<section class=\"map\" aria-labelledby=\"map-heading\">");
        Line(html, "<h2 id=\"map-heading\">Body map</h2>");
        Line(html, "<div class=\"map-row\">");
        Line(html, "<svg class=\"body-map\" viewBox=\"0 0 440 440\" width=\"300\" height=\"300\" role=\"img\" aria-labelledby=\"map-title map-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        Line(html, "<title id=\"map-title\">Body map, front and back</title>");
        Line(html, "<desc id=\"map-desc\">Each region of the plan is coloured by the most severe advisory on its items; the list beside the map gives the same in words.</desc>");
        AppendView(html, "front", "Front", 0, FrontShapes, regionSeverity);
        AppendView(html, "back", "Back", 230, BackShapes, regionSeverity);
        Line(html, "</svg>");

        Line(html, "<div class=\"map-text\">");
        Line(html, "<h3>Regions in the plan</h3>");
        var planned = RegionOrder.Where(regionSeverity.ContainsKey).ToList();
        Line(html, "<ul class=\"region-list\">");
        foreach (var region in planned)
        {
            var severity = regionSeverity[region];
            Line(html, $"<li data-region=\"{JsonNames.Of(region)}\" data-severity=\"{SeverityName(severity)}\">{Swatch(severity, planned: true)}{Encode(RegionLabel(region))}: {Encode(SeverityWords(severity))}</li>");
        }

        Line(html, "</ul>");
        Line(html, "<h3>Colours</h3>");
        Line(html, "<ul class=\"legend\">");
        Line(html, $"<li>{Swatch(null)}not in the plan</li>");
        Line(html, $"<li>{Swatch(null, planned: true)}in the plan, no advisory</li>");
        foreach (var severity in Enum.GetValues<Severity>())
        {
            Line(html, $"<li>{Swatch(severity)}{Encode(PlainWords.Of(severity))}</li>");
        }

        Line(html, "</ul>");
        Line(html, "</div>");
        Line(html, "</div>");
        Line(html, "</section>");
    }

    private static void AppendView(
        StringBuilder html,
        string id,
        string label,
        int offset,
        IReadOnlyList<(BodyRegion Region, string Path)> shapes,
        IReadOnlyDictionary<BodyRegion, Severity?> regionSeverity)
    {
        Line(html, Invariant($"<g class=\"view\" data-view=\"{id}\" transform=\"translate({offset},0)\">"));
        Line(html, $"<text class=\"view-label\" x=\"105\" y=\"432\" text-anchor=\"middle\">{label}</text>");
        foreach (var (region, path) in shapes)
        {
            var planned = regionSeverity.TryGetValue(region, out var severity);
            var name = JsonNames.Of(region);
            var css = "region sev-" + SeverityName(severity) + (planned ? " planned" : "");
            var title = RegionLabel(region) + ": " + (planned ? SeverityWords(severity) : "not in the plan");
            Line(html, $"<path class=\"{css}\" data-region=\"{name}\" data-severity=\"{SeverityName(severity)}\" data-planned=\"{(planned ? "true" : "false")}\" d=\"{path}\"><title>{Encode(title)}</title></path>");
        }

        Line(html, "</g>");
    }

    private static void AppendPlan(StringBuilder html, AssessmentRequest request, Assessment assessment, IReadOnlyList<Severity?> itemSeverity)
    {
        Line(html, "<section aria-labelledby=\"plan-heading\">");
        Line(html, "<h2 id=\"plan-heading\">The plan</h2>");
        // A stop for the whole session names no item, so the table alone would read as if the items were fine.
        if (assessment.Advisories.Any(a => a.Items.Count == 0 && a.Severity == Severity.Stop))
        {
            Line(html, "<p class=\"whole-stop\"><strong>Stopped for the whole session:</strong> no item of this plan is to be given, whatever its status below.</p>");
        }

        Line(html, "<table class=\"plan\">");
        Line(html, "<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Technique</th><th scope=\"col\">Region</th><th scope=\"col\">Pressure</th><th scope=\"col\">Status</th><th scope=\"col\">Advisories</th></tr></thead>");
        Line(html, "<tbody>");
        for (var i = 0; i < request.Plan.Items.Count; i++)
        {
            var item = request.Plan.Items[i];
            var codes = assessment.Advisories.Where(a => a.Items.Contains(i)).Select(a => Encode(a.Code));
            var severity = itemSeverity[i];
            Line(html, Invariant($"<tr data-item=\"{i}\" data-severity=\"{SeverityName(severity)}\"><th scope=\"row\">{i + 1}</th><td>{Encode(PlainWords.Of(item.Technique))}</td><td>{Encode(RegionLabel(item.Region))}</td><td>{Encode(PlainWords.Of(item.Pressure))}</td><td>{Badge(severity)}</td><td>{string.Join(", ", codes)}</td></tr>"));
        }

        Line(html, "</tbody>");
        Line(html, "</table>");
        Line(html, "</section>");
    }

    // "What must change": the safer plan's changes, between the plan and the advisories. A plan that needs no
    // change, and a stop (no massage today, no safer plan), show nothing here.
    private static void AppendWhatMustChange(StringBuilder html, Assessment assessment)
    {
        if (assessment.SaferPlan is not { Changes.Count: > 0 } plan)
        {
            return;
        }

        Line(html, "<section aria-labelledby=\"safer-heading\" class=\"safer\">");
        Line(html, "<h2 id=\"safer-heading\">What must change</h2>");
        Line(html, $"<p>A safer plan, checked again by the same rules (decision with it: <strong>{Encode(PlainWords.Of(plan.Decision))}</strong>). It is a suggestion for the therapist, never an order.</p>");
        Line(html, "<table class=\"changes\">");
        Line(html, "<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Change</th><th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\">Because</th></tr></thead>");
        Line(html, "<tbody>");
        foreach (var c in plan.Changes)
        {
            var to = c.To is { } item ? Encode(ItemWords(item)) : "left out";
            Line(html, Invariant($"<tr data-item=\"{c.Item}\" data-action=\"{JsonNames.Of(c.Action)}\"><th scope=\"row\">{c.Item + 1}</th><td>{Encode(PlainWords.Of(c.Action))}</td><td>{Encode(ItemWords(c.From))}</td><td>{to}</td><td>{string.Join(", ", c.Because.Select(Encode))}</td></tr>"));
        }

        Line(html, "</tbody>");
        Line(html, "</table>");
        Line(html, "</section>");
    }

    private static string ItemWords(PlanItem item) => PlainWords.Describe(item);

    private static void AppendAdvisories(StringBuilder html, AssessmentRequest request, Assessment assessment)
    {
        Line(html, "<section aria-labelledby=\"advisories-heading\">");
        Line(html, "<h2 id=\"advisories-heading\">Advisories</h2>");
        if (assessment.Advisories.Count == 0)
        {
            Line(html, "<p>None.</p>");
        }

        foreach (var a in assessment.Advisories)
        {
            var severity = JsonNames.Of(a.Severity);
            Line(html, $"<article class=\"advisory sev-{severity}\" data-code=\"{Encode(a.Code)}\" data-severity=\"{severity}\">");
            Line(html, $"<h3>{Badge(a.Severity)} <span class=\"code\">{Encode(a.Code)}</span> {Encode(a.Title)}</h3>");
            if (a.Indeterminate)
            {
                Line(html, "<p class=\"indeterminate\"><strong>Not evaluated:</strong> the rule could not be checked, so it is issued as if it applied; check the plan against it by hand.</p>");
            }

            Line(html, $"<p class=\"message\">{Encode(a.Message)}</p>");
            Line(html, "<dl>");
            Line(html, $"<dt>Applies to</dt><dd>{Encode(AppliesTo(request, a))}</dd>");
            if (a.Triggers.Count > 0)
            {
                Line(html, $"<dt>Because</dt><dd>{string.Join("; ", a.TriggersInWords.Select(Encode))}</dd>");
            }

            Line(html, $"<dt>Basis</dt><dd>{Encode(PlainWords.Of(a.Basis))}{(a.Requirements.Count > 0 ? " (requirements " + string.Join(", ", a.Requirements.Select(Encode)) + ")" : "")}</dd>");
            if (a.Citations.Count > 0)
            {
                Line(html, "<dt>Sources</dt><dd><ul class=\"citations\">");
                foreach (var c in a.Citations)
                {
                    var doi = c.Doi is { Length: > 0 } d
                        ? $" <a href=\"{Encode("https://doi.org/" + DoiPath(d))}\">doi:{Encode(d)}</a>"
                        : "";
                    Line(html, $"<li><span class=\"source\">{Encode(c.Source)}</span>, section <q>{Encode(c.Section)}</q>: {Encode(c.Label)} <span class=\"evidence\">({Encode(c.Evidence.Scheme)} {Encode(c.Evidence.Level)})</span>{doi}</li>");
                }

                Line(html, "</ul></dd>");
            }

            Line(html, "</dl>");
            Line(html, "</article>");
        }

        Line(html, "</section>");
    }

    private static void AppendUnknownFacts(StringBuilder html, AssessmentRequest request, Assessment assessment)
    {
        Line(html, "<section aria-labelledby=\"unknown-heading\">");
        Line(html, "<h2 id=\"unknown-heading\">Facts to ask about</h2>");
        if (assessment.UnknownFacts.Count == 0)
        {
            Line(html, "<p>None: every fact the rules use was given.</p>");
        }
        else
        {
            Line(html, "<p>Not known, and so treated conservatively; ask before the session, most important first:</p>");
            Line(html, "<ul class=\"unknown\">");
            foreach (var question in PlainWords.Questions(assessment.UnknownFacts, request))
            {
                Line(html, $"<li>{Encode(question)}</li>");
            }

            Line(html, "</ul>");
        }

        Line(html, "</section>");
    }

    private static void AppendKnowledgeBase(StringBuilder html, Assessment assessment)
    {
        var kb = assessment.KnowledgeBase;
        Line(html, "<footer>");
        Line(html, "<h2 id=\"about-heading\">About this sheet</h2>");
        Line(html, $"<p class=\"kb\">Knowledge base <span data-kb-version>{Encode(kb.Version)}</span>, SHA-256 <code class=\"sha\">{Encode(kb.Sha256)}</code>.</p>");
        if (kb.ClinicRules is { } clinic)
        {
            Line(html, $"<p class=\"kb\">Clinic rules <q>{Encode(clinic.Name)}</q> version {Encode(clinic.Version)}, SHA-256 <code class=\"sha\">{Encode(clinic.Sha256)}</code>.</p>");
        }

        Line(html, "<p class=\"disclaimer\"><strong>Decision support only:</strong> it does not replace the judgement of the clinician or therapist.</p>");
        Line(html, "</footer>");
    }

    private static Severity?[] ItemSeverities(int count, Assessment assessment)
    {
        var result = new Severity?[count];
        foreach (var a in assessment.Advisories)
        {
            foreach (var i in a.Items.Where(i => i >= 0 && i < count))
            {
                if (result[i] is not { } current || a.Severity > current)
                {
                    result[i] = a.Severity;
                }
            }
        }

        return result;
    }

    // Only regions with at least one item are keys; their value is the worst severity on any of their items.
    private static Dictionary<BodyRegion, Severity?> RegionSeverities(IReadOnlyList<PlanItem> items, Severity?[] itemSeverity)
    {
        var result = new Dictionary<BodyRegion, Severity?>();
        for (var i = 0; i < items.Count; i++)
        {
            var region = items[i].Region;
            var severity = itemSeverity[i];
            if (!result.TryGetValue(region, out var current) || (severity is { } s && (current is not { } c || s > c)))
            {
                result[region] = severity ?? current;
            }
        }

        return result;
    }

    private static string AppliesTo(AssessmentRequest request, Advisory advisory)
    {
        if (advisory.Items.Count == 0)
        {
            return "the whole session";
        }

        var items = request.Plan.Items;
        return string.Join("; ", advisory.Items.Select(i => i >= 0 && i < items.Count
            ? $"{PlainWords.Item(i)} ({PlainWords.Of(items[i].Technique)} of the {RegionLabel(items[i].Region)})"
            : PlainWords.Item(i)));
    }

    private static string RegionLabel(BodyRegion region) => PlainWords.Of(region);

    private static string SeverityName(Severity? severity) => severity is { } s ? JsonNames.Of(s) : "none";

    private static string SeverityWords(Severity? severity) => severity is { } s ? PlainWords.Of(s) : "no advisory";

    private static string Badge(Severity? severity) =>
        $"<span class=\"badge sev-{SeverityName(severity)}\">{SeverityWords(severity)}</span>";

    // A planned region without an advisory has a colour of its own, so that it stands apart from the regions not planned.
    private static string Swatch(Severity? severity, bool planned = false) =>
        $"<span class=\"swatch sev-{SeverityName(severity)}{(planned && severity is null ? " planned" : "")}\" aria-hidden=\"true\"></span>";

    // A DOI keeps its slashes in the link; everything else that is not plain is percent-encoded.
    private static string DoiPath(string doi) => string.Join("/", doi.Split('/').Select(Uri.EscapeDataString));

    /// <summary>
    /// Text for the page: control characters and bidirectional overrides are shown as <c>\uXXXX</c>
    /// (they could hide or reorder what the therapist reads), then the text is HTML-encoded.
    /// </summary>
    private static string Encode(string text)
    {
        var visible = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F')
            {
                visible.Append(Invariant($"\\u{(int)c:x4}"));
            }
            else
            {
                visible.Append(c);
            }
        }

        return WebUtility.HtmlEncode(visible.ToString());
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder html, string text) => html.Append(text).Append('\n');

    // Front view, in a 210 by 440 box: one path per region (a pair of limbs is one path of two parts). The hands
    // hang below the arms beside the thighs and the feet stand below the legs, each 2 units apart from its limb, so
    // that no two shapes overlap and the view's label below the feet stays clear.
    private static readonly (BodyRegion Region, string Path)[] FrontShapes =
    [
        (BodyRegion.Head, "M79 42 a26 32 0 1 0 52 0 a26 32 0 1 0 -52 0 Z"),
        (BodyRegion.Cervical, "M93 74 h24 v20 h-24 Z"),
        (BodyRegion.Shoulders, "M46 104 q0 -10 12 -10 h20 v28 h-32 Z M164 104 q0 -10 -12 -10 h-20 v28 h32 Z"),
        (BodyRegion.Chest, "M78 94 h54 v60 h-54 Z"),
        (BodyRegion.Abdomen, "M80 154 h50 v52 h-50 Z"),
        (BodyRegion.Hips, "M74 206 h30 v30 h-32 Z M106 206 h30 l2 30 h-32 Z"),
        (BodyRegion.Arms, "M46 124 h22 l-4 140 h-18 Z M142 124 h22 v140 h-18 Z"),
        (BodyRegion.Legs, "M72 238 h32 l-4 148 h-24 Z M106 238 h32 l-4 148 h-24 Z"),
        (BodyRegion.Hands, "M46 266 h18 l2 22 q-11 12 -22 0 Z M146 266 h18 l2 22 q-11 12 -22 0 Z"),
        (BodyRegion.Feet, "M76 388 h24 v18 q0 4 -4 4 h-26 q-4 0 -4 -4 Z M110 388 h24 l10 18 q0 4 -4 4 h-26 q-4 0 -4 -4 Z"),
    ];

    // Back view: the spine in its four parts, with the hips beside the sacroiliac joints.
    private static readonly (BodyRegion Region, string Path)[] BackShapes =
    [
        (BodyRegion.Head, "M79 42 a26 32 0 1 0 52 0 a26 32 0 1 0 -52 0 Z"),
        (BodyRegion.Cervical, "M93 74 h24 v20 h-24 Z"),
        (BodyRegion.Shoulders, "M46 104 q0 -10 12 -10 h20 v28 h-32 Z M164 104 q0 -10 -12 -10 h-20 v28 h32 Z"),
        (BodyRegion.Thoracic, "M78 94 h54 v74 h-54 Z"),
        (BodyRegion.Lumbar, "M80 168 h50 v38 h-50 Z"),
        (BodyRegion.Sacroiliac, "M90 206 h30 l-15 30 Z"),
        (BodyRegion.Hips, "M74 206 h16 l15 30 h-33 Z M136 206 h-16 l-15 30 h33 Z"),
        (BodyRegion.Arms, "M46 124 h22 l-4 140 h-18 Z M142 124 h22 v140 h-18 Z"),
        (BodyRegion.Legs, "M72 238 h32 l-4 148 h-24 Z M106 238 h32 l-4 148 h-24 Z"),
        (BodyRegion.Hands, "M46 266 h18 l2 22 q-11 12 -22 0 Z M146 266 h18 l2 22 q-11 12 -22 0 Z"),
        (BodyRegion.Feet, "M76 388 h24 v18 q0 4 -4 4 h-26 q-4 0 -4 -4 Z M110 388 h24 l10 18 q0 4 -4 4 h-26 q-4 0 -4 -4 Z"),
    ];

    // Colours: a light-to-dark ramp from info (blue) through caution (yellow) and warning (orange) to
    // contraindicated (red) and stop (near black red), each also named in words beside it. Text on a
    // coloured badge keeps a contrast of at least 4.5:1.
    private const string Style = """
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
