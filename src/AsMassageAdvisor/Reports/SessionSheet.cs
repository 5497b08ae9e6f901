using System.Globalization;
using System.Text;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using static AsMassageAdvisor.Reports.SheetHtml;

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
        html.Append(SessionSheetStyle.Css);
        Line(html, "</style>");
        Line(html, "</head>");
        Line(html, "<body>");
        Line(html, "<main>");
        AppendDecision(html, assessment);
        BodyMap.Append(html, regionSeverity);
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


}
