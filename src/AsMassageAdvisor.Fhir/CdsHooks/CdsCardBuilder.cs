using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Reports;

namespace AsMassageAdvisor.Fhir.CdsHooks;

/// <summary>
/// Turns an assessment into CDS Hooks 2.0 cards: one per advisory, most severe first, with the indicator of
/// the severity table; a suggestion to delete each draft order that must not be performed; a warning card
/// for orders that could not be assessed; and an information card listing what was not on record.
/// <see cref="CdsCardWriter"/> writes them as JSON.
/// </summary>
public static class CdsCardBuilder
{
    /// <summary>The longest summary written, in characters (CDS Hooks asks for fewer than 140).</summary>
    public const int MaxSummaryLength = 139;

    /// <summary>The code system of the rule that a card comes from (its topic).</summary>
    public const string RuleSystem = "urn:as-massage-advisor:rule";

    /// <summary>The reasons offered for overriding a warning or critical card.</summary>
    public static readonly IReadOnlyList<CdsCoding> OverrideReasons =
    [
        new(FhirCodes.OverrideReason, "record-incorrect", "The patient's record is wrong or out of date"),
        new(FhirCodes.OverrideReason, "assessed-in-person", "The patient was assessed in person and the risk is accepted"),
        new(FhirCodes.OverrideReason, "plan-changed", "The plan will be changed outside this order"),
        new(FhirCodes.OverrideReason, "not-applicable", "The advice does not apply to this patient"),
    ];

    /// <summary>Builds the cards.</summary>
    /// <param name="assessment">The assessment; null when there was nothing to assess (no draft order could be read).</param>
    /// <param name="mapping">What was read from FHIR: the plan items' orders, unassessed orders and notes; null for a request that did not come from FHIR.</param>
    /// <returns>The cards.</returns>
    public static CdsResponse Build(Assessment? assessment, FhirMapping? mapping = null) => Build(assessment, mapping, int.MaxValue);

    /// <summary>Builds the cards, listing at most <paramref name="maxListed"/> unassessed orders and notes; the rest are counted.</summary>
    /// <param name="assessment">The assessment; null when there was nothing to assess (no draft order could be read).</param>
    /// <param name="mapping">What was read from FHIR, as for <see cref="Build(Assessment?, FhirMapping?)"/>.</param>
    /// <param name="maxListed">The most unassessed orders, and the most notes, written out on their cards; the summaries still count them all.</param>
    /// <returns>The cards.</returns>
    public static CdsResponse Build(Assessment? assessment, FhirMapping? mapping, int maxListed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxListed);
        if (assessment is null && mapping is null)
        {
            throw new ArgumentException("An assessment or a mapping is needed to build cards.", nameof(assessment));
        }

        var cards = new List<CdsCard>();
        var label = assessment is null ? "AsMassageAdvisor" : SourceLabel(assessment.KnowledgeBase);
        var identity = assessment is null ? "" : assessment.KnowledgeBase.Sha256 + assessment.KnowledgeBase.ClinicRules?.Sha256;
        foreach (var advisory in assessment?.Advisories ?? [])
        {
            cards.Add(Card(advisory, assessment!, mapping, label, identity));
        }

        if (mapping is { UnassessedOrders.Count: > 0 } m)
        {
            cards.Add(new CdsCard
            {
                Uuid = Uuid("unassessed", identity, string.Join("\n", m.UnassessedOrders)),
                Summary = Summary($"Check by hand: {Count(m.UnassessedOrders.Count, "draft order")} could not be assessed"),
                Indicator = "warning",
                Detail = "These orders could not be read as a massage technique on a body region, so no rule was checked against them:\n\n"
                    + string.Concat(m.UnassessedOrders.Take(maxListed).Select(o => $"- {o}\n"))
                    + More(m.UnassessedOrders.Count - maxListed, "draft order", " not listed here, which must be checked by hand too"),
                Source = new CdsSource(label, null),
                Suggestions = [],
                OverrideReasons = OverrideReasons,
            });
        }

        var unknown = assessment?.UnknownFacts ?? [];
        var notes = mapping?.Notes ?? [];
        if (unknown.Count > 0 || notes.Count > 0)
        {
            var detail = new StringBuilder("These facts were not on record and were treated as unknown, which makes the advice more cautious. Recording them may make it more specific.\n\n");
            if (unknown.Count > 0)
            {
                detail.Append("Questions to ask, most important first:\n\n");
            }

            foreach (var question in PlainWords.Questions(unknown, mapping?.Request))
            {
                detail.Append(CultureInfo.InvariantCulture, $"- {question}\n");
            }

            if (notes.Count > 0)
            {
                detail.Append("\nFrom the record:\n\n");
                foreach (var note in notes.Take(maxListed))
                {
                    detail.Append(CultureInfo.InvariantCulture, $"- {note}\n");
                }

                // A record with thousands of unread entries still gives a card of bounded size.
                detail.Append(More(notes.Count - maxListed, "note", " not listed"));
            }

            cards.Add(new CdsCard
            {
                Uuid = Uuid("unknown", identity, string.Join("\n", unknown.Concat(notes))),
                Summary = Summary($"{Count(unknown.Count + notes.Count, "fact")} not on record, treated as unknown"),
                Indicator = "info",
                Detail = detail.ToString(),
                Source = new CdsSource(label, null),
                Suggestions = [],
                OverrideReasons = [],
            });
        }

        return new CdsResponse { Cards = cards.AsReadOnly() };
    }

    /// <summary>The CDS Hooks indicator of a severity, from the severity table.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns><c>info</c>, <c>warning</c> or <c>critical</c>.</returns>
    public static string Indicator(Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Caution or Severity.Warning => "warning",
        _ => "critical",
    };

    private static CdsCard Card(Advisory advisory, Assessment assessment, FhirMapping? mapping, string label, string identity)
    {
        var orders = advisory.Items
            .Select(i => mapping is not null && i < mapping.OrderReferences.Count ? mapping.OrderReferences[i] : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var key = string.Join("|", advisory.Code, string.Join(",", advisory.Items), string.Join(",", orders), string.Join("\n", advisory.Triggers));
        var uuid = Uuid("advisory", identity, key);
        var suggestions = new List<CdsSuggestion>();
        if (SaferPlanSuggestion(advisory, assessment, mapping, identity, key) is { } safer)
        {
            suggestions.Add(safer);
        }

        // Removing the orders stays on offer beside a safer plan that changes them rather than removes them.
        var saferRemoves = suggestions.Count > 0 && suggestions[0].Actions.All(a => a.Type == "delete");
        if (advisory.Severity >= Severity.Contraindicated && !saferRemoves)
        {
            // A stop concerns the whole session: every draft order goes. A contraindication concerns its items' orders.
            var targets = advisory.Severity == Severity.Stop && advisory.Items.Count == 0
                ? mapping?.OrderReferences.OfType<string>().Distinct(StringComparer.Ordinal).ToList() ?? []
                : orders;
            if (targets.Count > 0)
            {
                var what = targets.Count == 1 ? $"the draft order {targets[0]}" : $"the {targets.Count} draft orders concerned";
                suggestions.Add(new CdsSuggestion(
                    Summary($"Remove {what}"),
                    Uuid("suggestion", identity, key),
                    IsRecommended: suggestions.Count == 0,
                    targets.Select(t => new CdsAction("delete", $"Delete the draft order {t}: {advisory.Title}", t)).ToArray().AsReadOnly()));
            }
        }

        return new CdsCard
        {
            Uuid = uuid,
            Summary = Summary($"{Word(advisory.Severity)}: {advisory.Title}" + (advisory.Indeterminate ? " (could not be checked)" : "")),
            Indicator = Indicator(advisory.Severity),
            Detail = Detail(advisory, mapping, orders.Count == 0 && advisory.Severity >= Severity.Contraindicated && advisory.Items.Count > 0)
                + (advisory.Severity > Severity.Caution ? SaferPlanText(assessment.SaferPlan) : ""),
            Source = new CdsSource(label, new CdsCoding(RuleSystem, advisory.Code, advisory.Title)),
            Suggestions = suggestions.AsReadOnly(),
            OverrideReasons = advisory.Severity == Severity.Info ? [] : OverrideReasons,
        };
    }

    /// <summary>
    /// The safer plan applied to this card's draft orders: an order whose items all go is deleted; an order with one
    /// item that the safer plan lightens or replaces is updated to it. An order with several items changed in
    /// different ways is left to the clinician (the card's text lists the whole safer plan).
    /// </summary>
    private static CdsSuggestion? SaferPlanSuggestion(Advisory advisory, Assessment assessment, FhirMapping? mapping, string identity, string key)
    {
        if (advisory.Severity <= Severity.Caution || assessment.SaferPlan is not { } plan || mapping is null)
        {
            return null;
        }

        var actions = new List<CdsAction>();
        var references = advisory.Items.Where(i => i < mapping.OrderReferences.Count).Select(i => mapping.OrderReferences[i]).OfType<string>().Distinct(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            var itemsOfOrder = Enumerable.Range(0, mapping.OrderReferences.Count).Where(i => mapping.OrderReferences[i] == reference).ToList();
            var changes = itemsOfOrder.Select(i => plan.Changes.FirstOrDefault(c => c.Item == i)).ToList();
            if (changes.All(c => c is { To: null }))
            {
                actions.Add(new CdsAction("delete", $"Delete the draft order {reference}: the safer plan leaves it out", reference));
            }
            else if (itemsOfOrder.Count == 1 && changes[0] is { To: { } to } && itemsOfOrder[0] < mapping.Orders.Count)
            {
                actions.Add(new CdsAction("update", $"Change the draft order {reference} to {ItemWords(to)}", null, Revised(mapping.Orders[itemsOfOrder[0]], to)));
            }
        }

        if (actions.Count == 0)
        {
            return null;
        }

        var label = actions.Count == 1 && actions[0].Type == "update"
            ? $"Apply the safer plan: {ItemWords(plan.Changes.First(c => c.To is not null && advisory.Items.Contains(c.Item)).To!)}"
            : $"Apply the safer plan to {Count(actions.Count, "draft order")}";
        return new CdsSuggestion(Summary(label), Uuid("safer-plan", identity, key), IsRecommended: true, actions.AsReadOnly());
    }

    // The draft order as the safer plan's item: the technique and pressure coded anew, everything else kept.
    private static Hl7.Fhir.Model.ServiceRequest Revised(Hl7.Fhir.Model.ServiceRequest order, Model.PlanItem to)
    {
        var revised = Hl7.Fhir.Model.BaseExtensions.DeepCopy(order);
        revised.Code = new Hl7.Fhir.Model.CodeableConcept(FhirCodes.Technique, Camel(to.Technique.ToString()));
        revised.OrderDetail = order.OrderDetail
            .Where(d => !d.Coding.Any(c => c.System == FhirCodes.Pressure))
            .Select(Hl7.Fhir.Model.BaseExtensions.DeepCopy)
            .Append(new Hl7.Fhir.Model.CodeableConcept(FhirCodes.Pressure, Camel(to.Pressure.ToString())))
            .ToList();
        return revised;
    }

    private static string SaferPlanText(SaferPlan? plan)
    {
        if (plan is not { Changes.Count: > 0 })
        {
            return "";
        }

        // A blank line first: the detail ends with a list, which would otherwise take the heading in as its last item.
        var d = new StringBuilder("\n");
        d.Append(CultureInfo.InvariantCulture, $"**Safer plan** (a suggestion, checked again by the same rules; decision with it: {PlainWords.Of(plan.Decision)}):\n\n");
        foreach (var c in plan.Changes)
        {
            d.Append(CultureInfo.InvariantCulture, $"- {PlainWords.Change(c)} ({string.Join(", ", c.Because)})\n");
        }

        return d.Append('\n').ToString();
    }

    private static string ItemWords(Model.PlanItem item) => PlainWords.Describe(item);

    private static string Detail(Advisory advisory, FhirMapping? mapping, bool removeByHand)
    {
        var d = new StringBuilder();
        d.Append(CultureInfo.InvariantCulture, $"{advisory.Message}\n\n");
        if (advisory.Indeterminate)
        {
            d.Append("**This rule could not be evaluated**; the advice is given as if it applied. Check the plan against it by hand.\n\n");
        }

        if (advisory.Items.Count > 0)
        {
            d.Append("**Plan items:**\n\n");
            foreach (var i in advisory.Items)
            {
                d.Append(CultureInfo.InvariantCulture, $"- {ItemText(i, mapping)}\n");
            }

            d.Append('\n');
            if (removeByHand)
            {
                d.Append("Remove these items from the plan: no draft order reference was given, so no automatic change is offered.\n\n");
            }
        }

        d.Append("**Why:** ").Append(string.Join("; ", advisory.TriggersInWords)).Append("\n\n");
        d.Append(CultureInfo.InvariantCulture, $"**Severity:** {PlainWords.Of(advisory.Severity)}. **Basis:** {PlainWords.Of(advisory.Basis)}")
            .Append(CultureInfo.InvariantCulture, $". **Rule:** {advisory.Code}. **Requirements:** {string.Join(", ", advisory.Requirements)}.\n\n");
        d.Append("**Sources:**\n\n");
        foreach (var c in advisory.Citations)
        {
            d.Append(CultureInfo.InvariantCulture, $"- {c.Label} Section: {c.Section}.")
                .Append(c.Doi is null ? "" : $" doi:{c.Doi}")
                .Append(CultureInfo.InvariantCulture, $" (evidence: {c.Evidence.Scheme} {c.Evidence.Level})\n");
        }

        return d.ToString();
    }

    private static string ItemText(int index, FhirMapping? mapping)
    {
        var text = PlainWords.Item(index);
        if (mapping is not null && index < mapping.Request.Plan.Items.Count)
        {
            text += $": {PlainWords.Describe(mapping.Request.Plan.Items[index])}";
            if (index < mapping.OrderReferences.Count && mapping.OrderReferences[index] is { } order)
            {
                text += $" (order {order})";
            }
        }

        return text;
    }

    private static string SourceLabel(KnowledgeBaseIdentity identity) =>
        $"AsMassageAdvisor knowledge base {identity.Version}"
        + (identity.ClinicRules is { } clinic ? $", with clinic rules '{clinic.Name}' {clinic.Version}" : "");

    private static string Word(Severity severity) => severity switch
    {
        Severity.Info => "Note",
        Severity.Caution => "Caution",
        Severity.Warning => "Change the plan",
        Severity.Contraindicated => "Contraindicated",
        _ => "Do not proceed",
    };

    private static string More(int n, string noun, string tail) =>
        n <= 0 ? "" : $"- and {n.ToString(CultureInfo.InvariantCulture)} more {noun}{(n == 1 ? "" : "s")}{tail}\n";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s";

    private static string Summary(string text) => text.Length <= MaxSummaryLength ? text : text[..(MaxSummaryLength - 1)] + "…";

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    // A name-based UUID (RFC 9562 version 8, from SHA-256): the same card for the same input always has the same id.
    private static string Uuid(string kind, string identity, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{identity}\n{key}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}
