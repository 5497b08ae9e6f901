using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Assessing;

/// <summary>
/// Builds the safer plan of an assessment: each item that an advisory above caution names is changed as the rules
/// ask (their <see cref="RuleDefinition.Change"/>; a rule that asks for nothing, or could not be evaluated, removes
/// the item), the plan is assessed again by the same rules, and any item that still carries an advisory above
/// caution is removed. Nothing here is specific to a rule: what to change is data in the rule files.
/// </summary>
internal static class SaferPlanBuilder
{
    // The unknown facts a safer plan does not ask about: the items' (the changes settle them) and the dates (an absent
    // date already reads as "now"), named as UnknownFacts names them, from the model.
    private static readonly string ItemsPath = ContractNames.PlanPath(nameof(SessionPlan.Items)) + "[";
    private static readonly string[] NowWhenAbsent =
    [
        .. RequestFields.Patient.Where(f => f.AbsentMeansNow).Select(f => ContractNames.PatientPath(f.Property.Name)),
        .. RequestFields.Plan.Where(f => f.AbsentMeansNow).Select(f => ContractNames.PlanPath(f.Property.Name)),
    ];

    public static SaferPlan? For(
        KnowledgeBase knowledgeBase, AssessmentRequest request, Assessment assessment, Func<AssessmentRequest, Assessment> assess)
    {
        if (assessment.Decision == Decision.DoNotProceed)
        {
            return null;
        }

        var items = request.Plan.Items;
        var byItem = AdvisoriesByItem(assessment.Advisories, items.Count);
        var openQuestions = OpenQuestions(assessment.UnknownFacts);
        if (Array.TrueForAll(byItem, f => f is null))
        {
            return new SaferPlan { Items = items, Changes = [], Decision = assessment.Decision, OpenQuestions = openQuestions };
        }

        // The first pass: each item an advisory above caution names changed as its advisories ask. kept[i] is the changed item, or null.
        var kept = new PlanItem?[items.Count];
        var because = new List<string>?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            kept[i] = byItem[i] is { } advisories ? Changed(knowledgeBase, items[i], advisories, request.Patient.PainfulTechniques) : items[i];
            because[i] = byItem[i] is { } a ? Codes(a, null) : null;
        }

        // Then the same rules again: an item that still carries an advisory above caution is left out. Item rules see
        // one item at a time, so a removal never makes another item worse; the loop ends when none is named.
        // A change names only codes the assessment shows: a rule that fires on a changed item alone is not cited.
        var shown = assessment.Advisories.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var decision = assessment.Decision;
        while (true)
        {
            var (remaining, remainingItems) = Remaining(kept);
            if (remaining.Length == 0)
            {
                // Nothing of the plan can be given as planned: the session needs planning anew, never "proceed".
                decision = SeverityTable.DecisionFor(WorstOfWholePlan(assessment.Advisories));
                if (decision < Decision.ProceedWithModifications)
                {
                    decision = Decision.ProceedWithModifications;
                }

                break;
            }

            var recheck = assess(request with { Plan = request.Plan with { Items = remainingItems } });
            var stillAdvised = AdvisoriesByItem(recheck.Advisories, remaining.Length);
            if (Array.TrueForAll(stillAdvised, f => f is null))
            {
                decision = recheck.Decision;
                break;
            }

            for (var j = 0; j < remaining.Length; j++)
            {
                if (stillAdvised[j] is { } advisories)
                {
                    var i = remaining[j];
                    kept[i] = null;
                    because[i] = Codes(advisories.Where(a => shown.Contains(a.Code)).ToList(), because[i]);
                }
            }
        }

        var changes = new List<PlanChange>();
        for (var i = 0; i < items.Count; i++)
        {
            if (kept[i] == items[i])
            {
                continue;
            }

            var action = kept[i] is not { } to ? ChangeAction.Remove
                : to.Technique != items[i].Technique ? ChangeAction.Replace
                : ChangeAction.Lighten;
            var codes = because[i]!;
            codes.Sort(StringComparer.Ordinal);
            changes.Add(new PlanChange(i, action, items[i], kept[i], codes.AsReadOnly()));
        }

        return new SaferPlan
        {
            Items = kept.OfType<PlanItem>().ToArray().AsReadOnly(),
            Changes = changes.AsReadOnly(),
            Decision = decision,
            OpenQuestions = openQuestions,
        };
    }

    // The positions of the items still in the plan, and those items.
    private static (int[] Positions, PlanItem[] Items) Remaining(PlanItem?[] kept)
    {
        var count = 0;
        foreach (var item in kept)
        {
            count += item is null ? 0 : 1;
        }

        var positions = new int[count];
        var items = new PlanItem[count];
        for (int i = 0, j = 0; i < kept.Length; i++)
        {
            if (kept[i] is { } item)
            {
                (positions[j], items[j]) = (i, item);
                j++;
            }
        }

        return (positions, items);
    }

    // The most severe advisory about the plan as a whole (none names an item), or info.
    private static Severity WorstOfWholePlan(IReadOnlyList<Advisory> advisories)
    {
        var worst = Severity.Info;
        foreach (var advisory in advisories)
        {
            if (advisory.Items.Count == 0 && advisory.Severity > worst)
            {
                worst = advisory.Severity;
            }
        }

        return worst;
    }

    // The advisories' codes added to a list once each (the list is sorted when the change is made).
    private static List<string> Codes(List<Advisory> advisories, List<string>? codes)
    {
        codes ??= new List<string>(advisories.Count);
        foreach (var advisory in advisories)
        {
            if (!codes.Contains(advisory.Code))
            {
                codes.Add(advisory.Code);
            }
        }

        return codes;
    }

    // A loop rather than a query: this runs on every assessment.
    private static IReadOnlyList<string> OpenQuestions(IReadOnlyList<string> unknownFacts)
    {
        List<string>? open = null;
        for (var i = 0; i < unknownFacts.Count; i++)
        {
            var fact = unknownFacts[i];
            if (!fact.StartsWith(ItemsPath, StringComparison.Ordinal) && Array.IndexOf(NowWhenAbsent, fact) < 0)
            {
                (open ??= new List<string>(unknownFacts.Count - i)).Add(fact);
            }
        }

        return open is null ? [] : open.AsReadOnly();
    }

    /// <summary>For each item, the advisories above caution that name it; null when none does.</summary>
    private static List<Advisory>?[] AdvisoriesByItem(IReadOnlyList<Advisory> advisories, int itemCount)
    {
        var byItem = new List<Advisory>?[itemCount];
        foreach (var advisory in advisories)
        {
            if (advisory.Severity <= Severity.Caution)
            {
                continue;
            }

            foreach (var i in advisory.Items)
            {
                (byItem[i] ??= []).Add(advisory);
            }
        }

        return byItem;
    }

    // Remove wins; else the first replacement by code, else the lighter form of the technique; the pressure is kept
    // under the lowest ceiling any of the rules names (a pressure not stated becomes that ceiling).
    // The gentle replacements, in the order they are tried when the one a rule names has raised the patient's pain.
    private static readonly Technique[] GentleReplacements = [Technique.Effleurage, Technique.Vibration, Technique.Petrissage];

    private static PlanItem? Changed(KnowledgeBase knowledgeBase, PlanItem item, List<Advisory> advisories, IReadOnlyList<Technique> painful)
    {
        var asked = new List<RuleChange>();
        foreach (var advisory in advisories.OrderBy(a => a.Code, StringComparer.Ordinal))
        {
            var rule = knowledgeBase.RuleOf(advisory.Code);
            if (advisory.Indeterminate || rule?.Change is not { } change || change.Action == ChangeAction.Remove)
            {
                return null;
            }

            asked.Add(change);
        }

        var technique = asked.FirstOrDefault(c => c.Action == ChangeAction.Replace)?.Technique ?? Terms.LighterTechnique(item.Technique);
        if (technique is not { } t)
        {
            return null;
        }

        var ceiling = asked.Select(c => c.Pressure!.Value).Min();
        var pressure = item.Pressure == Pressure.Unknown || item.Pressure > ceiling ? ceiling : item.Pressure;
        if (!painful.Contains(t))
        {
            return new PlanItem(t, item.Region, pressure);
        }

        // A replacement never uses a technique that raised the patient's pain: another gentle one, lightly, or none.
        foreach (var gentle in GentleReplacements)
        {
            if (!painful.Contains(gentle))
            {
                return new PlanItem(gentle, item.Region, Pressure.Light);
            }
        }

        return null;
    }
}
