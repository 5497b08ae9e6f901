using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;

namespace AsMassageAdvisor.Assessing;

/// <summary>Runs the rules on a valid request and turns their outcomes into an assessment.</summary>
internal static class AssessmentBuilder
{
    public static Assessment Build(KnowledgeBase knowledgeBase, AssessmentRequest request, TimeProvider time)
    {
        var assessment = BuildWithoutSaferPlan(knowledgeBase, request, time);
        return WithSaferPlan(knowledgeBase, request, assessment, time);
    }

    public static Explanation Explain(KnowledgeBase knowledgeBase, AssessmentRequest request, TimeProvider time)
    {
        var run = knowledgeBase.Network.Run(request, time, explain: true);
        var effective = Effective(request, run);
        var assessment = Build(knowledgeBase, request, effective, run, out var withheld);
        assessment = WithSaferPlan(knowledgeBase, request, assessment, time);
        var rules = knowledgeBase.ActiveRules.Select(r => RuleExplainer.Explain(r, run, effective, withheld)).OrderBy(r => r.Code, StringComparer.Ordinal).ToArray();
        return new Explanation { Assessment = assessment, Rules = rules.AsReadOnly() };
    }

    // The safer plan is checked again by the same knowledge base and clock as the assessment it comes from, in a new
    // session. The check reads only the advisories' codes, severities and items and the decision, so it is built
    // without words.
    private static Assessment WithSaferPlan(KnowledgeBase knowledgeBase, AssessmentRequest request, Assessment assessment, TimeProvider time) =>
        assessment with { SaferPlan = SaferPlanBuilder.For(knowledgeBase, request, assessment, r => BuildWithoutSaferPlan(knowledgeBase, r, time, Detail.WithoutWords)) };

    private static Assessment BuildWithoutSaferPlan(KnowledgeBase knowledgeBase, AssessmentRequest request, TimeProvider time, Detail detail = Detail.WithWords)
    {
        var run = knowledgeBase.Network.Run(request, time);
        return Build(knowledgeBase, request, Effective(request, run), run, out _, detail);
    }

    // What an assessment carries: everything, or (for the safer plan's check) only codes, severities, items and the
    // decision, without triggers and unknown facts.
    private enum Detail
    {
        WithWords,
        WithoutWords,
    }

    /// <summary>
    /// The request as the derived facts read it, for the advisories' words: the ankylosis status the rules used (fused
    /// regions listed without a status count as ankylosis) and the session day (today, when only the status is dated).
    /// </summary>
    private static AssessmentRequest Effective(AssessmentRequest request, EngineRun run)
    {
        var (patient, plan) = (request.Patient, request.Plan);
        var ankylosis = run.Spine?.Ankylosis ?? patient.Ankylosis;
        var day = run.Day is { } d ? d.SessionDate : plan.SessionDate;
        return ankylosis == patient.Ankylosis && day == plan.SessionDate
            ? request
            : new AssessmentRequest(
                ankylosis == patient.Ankylosis ? patient : patient with { Ankylosis = ankylosis },
                day == plan.SessionDate ? plan : plan with { SessionDate = day });
    }

    // The advisories are built on the effective request; the unknown facts are those of the request as given.
    // Without words (for the safer plan's check) the advisories carry no triggers and the unknown facts are not listed.
    // Findings withheld by the withholding rule are left out; an item rule keeps the items that were not withheld.
    private static Assessment Build(
        KnowledgeBase knowledgeBase, AssessmentRequest given, AssessmentRequest request, EngineRun run, out HashSet<string>? withheld, Detail detail = Detail.WithWords)
    {
        var words = detail == Detail.WithWords;
        var triggers = words ? new TriggerWordCache(request, plain: false) : null;
        var plainTriggers = words ? new TriggerWordCache(request, plain: true) : null;
        withheld = null;
        var findings = run.Findings;
        findings.Sort(AdvisoryOrder.ByRuleThenItem);
        var advisories = new List<Advisory>(findings.Count);
        for (var start = 0; start < findings.Count;)
        {
            var first = findings[start];
            var end = start + 1;
            while (end < findings.Count && ReferenceEquals(findings[end].Rule, first.Rule) && findings[end].Indeterminate == first.Indeterminate)
            {
                end++;
            }

            var rule = first.Rule;
            List<int>? items = rule.Scope == RuleScope.Item ? new List<int>(end - start) : null;
            var kept = false;
            for (var f = start; f < end; f++)
            {
                if (!findings[f].Withheld)
                {
                    kept = true;
                    items?.Add(findings[f].Item);
                }
            }

            if (kept)
            {
                advisories.Add(AdvisoryWriter.Create(knowledgeBase, rule, triggers, plainTriggers, items?.AsReadOnly() ?? NoItems, first.Indeterminate));
            }
            else
            {
                (withheld ??= new HashSet<string>(StringComparer.Ordinal)).Add(rule.Code);
            }

            start = end;
        }

        var ordered = advisories.ToArray();
        AdvisoryOrder.SortMostSevereFirst(ordered);
        var worst = ordered.Length == 0 ? Severity.Info : ordered[0].Severity;
        return new Assessment
        {
            Decision = SeverityTable.DecisionFor(worst),
            Advisories = ordered.AsReadOnly(),
            UnknownFacts = words ? UnknownFacts.Of(given, request) : [],
            KnowledgeBase = knowledgeBase.Identity,
        };
    }

    private static readonly IReadOnlyList<int> NoItems = Array.AsReadOnly(Array.Empty<int>());
}
