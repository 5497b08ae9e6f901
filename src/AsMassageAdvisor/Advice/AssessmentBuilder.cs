using System.Globalization;
using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Advice;

/// <summary>Runs the rules on a valid request and turns their outcomes into an assessment.</summary>
internal static class AssessmentBuilder
{
    public static Assessment Build(KnowledgeBase knowledgeBase, AssessmentRequest request) =>
        Build(knowledgeBase, request, Evaluate(knowledgeBase, request));

    public static Explanation Explain(KnowledgeBase knowledgeBase, AssessmentRequest request)
    {
        var evaluations = Evaluate(knowledgeBase, request, all: true);
        var assessment = Build(knowledgeBase, request, evaluations);
        var rules = evaluations.Select(e => Explain(e, request)).OrderBy(r => r.Code, StringComparer.Ordinal).ToArray();
        return new Explanation { Assessment = assessment, Rules = rules.AsReadOnly() };
    }

    /// <summary>
    /// The active rules' outcomes on the request: once for a patient rule, once per item for an item rule.
    /// Rules that neither fired nor failed are kept only when <paramref name="all"/> is set (for explanations),
    /// so that an ordinary assessment allocates nothing for them.
    /// </summary>
    private static List<RuleEvaluation> Evaluate(KnowledgeBase knowledgeBase, AssessmentRequest request, bool all = false)
    {
        var evaluator = knowledgeBase.Evaluator;
        var (patient, plan) = (request.Patient, request.Plan);
        var evaluations = new List<RuleEvaluation>(all ? evaluator.PatientRules.Count + evaluator.ItemRules.Count : 8);
        for (var r = 0; r < evaluator.PatientRules.Count; r++)
        {
            var outcome = evaluator.EvaluatePatient(r, patient, plan);
            if (all || outcome.Kind != RuleOutcomeKind.NotFired)
            {
                evaluations.Add(new RuleEvaluation(
                    evaluator.PatientRules[r],
                    outcome.Kind == RuleOutcomeKind.Fired,
                    outcome.Kind == RuleOutcomeKind.Failed,
                    [],
                    [],
                    outcome.Failure));
            }
        }

        for (var r = 0; r < evaluator.ItemRules.Count; r++)
        {
            List<int>? fired = null;
            List<int>? failed = null;
            string? failure = null;
            for (var i = 0; i < plan.Items.Count; i++)
            {
                var outcome = evaluator.EvaluateItem(r, patient, plan, plan.Items[i]);
                if (outcome.Kind == RuleOutcomeKind.Fired)
                {
                    (fired ??= []).Add(i);
                }
                else if (outcome.Kind == RuleOutcomeKind.Failed)
                {
                    (failed ??= []).Add(i);
                    failure ??= outcome.Failure;
                }
            }

            if (all || fired is not null || failed is not null)
            {
                evaluations.Add(new RuleEvaluation(evaluator.ItemRules[r], fired is not null, failed is not null, fired ?? [], failed ?? [], failure));
            }
        }

        return evaluations;
    }

    private static Assessment Build(KnowledgeBase knowledgeBase, AssessmentRequest request, List<RuleEvaluation> evaluations)
    {
        var advisories = new List<Advisory>();
        foreach (var e in evaluations)
        {
            if (e.Fired)
            {
                advisories.Add(Create(knowledgeBase, e.Rule, request, e.FiredItems, indeterminate: false));
            }

            if (e.Failed)
            {
                advisories.Add(Create(knowledgeBase, e.Rule, request, e.FailedItems, indeterminate: true));
            }
        }

        var ordered = advisories.ToArray();
        Array.Sort(ordered, MostSevereFirst);
        var worst = ordered.Length == 0 ? Severity.Info : ordered[0].Severity;
        return new Assessment
        {
            Decision = Decisions.From(worst),
            Advisories = ordered.AsReadOnly(),
            UnknownFacts = UnknownFacts(request),
            KnowledgeBase = knowledgeBase.Identity,
        };
    }

    private static RuleExplanation Explain(RuleEvaluation e, AssessmentRequest request)
    {
        var rule = e.Rule;
        var facts = rule.Triggers.Where(t => t != TriggerText.Item)
            .Select(t => TriggerText.Describe(t, request, everyValue: true))
            .OfType<string>()
            .ToList();
        string reason;
        RuleVerdict verdict;
        if (e.Failed)
        {
            verdict = RuleVerdict.NotEvaluated;
            reason = (rule.Scope == RuleScope.Item ? $"It could not be evaluated on item(s) {Join(e.FailedItems)}" : "It could not be evaluated")
                + $" ({e.Failure}); it is reported as applying, at no less than a warning.";
        }
        else if (e.Fired)
        {
            verdict = RuleVerdict.Fired;
            reason = rule.Scope == RuleScope.Item
                ? $"Its condition held for item(s) {Join(e.FiredItems)}: {rule.When}"
                : $"Its condition held: {rule.When}";
        }
        else
        {
            verdict = RuleVerdict.DidNotApply;
            reason = rule.Scope == RuleScope.Item
                ? (request.Plan.Items.Count == 1 ? "Its condition did not hold for the plan's item: " : $"Its condition held for none of the {request.Plan.Items.Count} items: ") + rule.When
                : $"Its condition did not hold: {rule.When}";
        }

        return new RuleExplanation
        {
            Code = rule.Code,
            Title = rule.Title,
            Verdict = verdict,
            Items = e.FailedItems.Union(e.FiredItems).Order().ToArray().AsReadOnly(),
            Reason = reason,
            Facts = facts.AsReadOnly(),
        };
    }

    private static string Join(IEnumerable<int> items) => string.Join(", ", items.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    private sealed record RuleEvaluation(RuleDefinition Rule, bool Fired, bool Failed, IReadOnlyList<int> FiredItems, IReadOnlyList<int> FailedItems, string? Failure);

    private static Advisory Create(KnowledgeBase knowledgeBase, RuleDefinition rule, AssessmentRequest request, IReadOnlyList<int> items, bool indeterminate)
    {
        var triggers = new List<string>();
        foreach (var name in rule.Triggers)
        {
            if (name == TriggerText.Item)
            {
                triggers.AddRange(items.Select(i => TriggerText.DescribeItem(i, request.Plan.Items[i])));
            }
            else if (TriggerText.Describe(name, request) is { } text)
            {
                triggers.Add(text);
            }
        }

        var citations = knowledgeBase.CitationsOf(rule);

        if (!indeterminate)
        {
            return new Advisory
            {
                Code = rule.Code,
                Requirements = rule.Requirements,
                Severity = rule.Severity,
                Title = rule.Title,
                Message = rule.Message,
                Basis = rule.Basis,
                Items = items.Count == 0 ? [] : items.ToArray().AsReadOnly(),
                Triggers = triggers.AsReadOnly(),
                Citations = citations,
            };
        }

        // A rule that could not be evaluated is reported as if it applied, at no less than a warning,
        // so that a failure can never let a plan through as "proceed".
        triggers.Insert(0, $"rule {rule.Code} could not be evaluated on this request");
        return new Advisory
        {
            Code = rule.Code,
            Requirements = rule.Requirements,
            Severity = rule.Severity < Severity.Warning ? Severity.Warning : rule.Severity,
            Title = "Could not check: " + rule.Title,
            Message = "This safety rule could not be evaluated, so it is treated as applying. Check the plan by hand against it before going ahead: "
                + rule.When,
            Basis = Basis.Interpreted,
            Indeterminate = true,
            Items = items.Count == 0 ? [] : items.ToArray().AsReadOnly(),
            Triggers = triggers.AsReadOnly(),
            Citations = citations,
        };
    }

    // Most severe first, then by code; an indeterminate advisory after a determinate one of the same rule.
    private static int MostSevereFirst(Advisory x, Advisory y)
    {
        var bySeverity = y.Severity.CompareTo(x.Severity);
        if (bySeverity != 0)
        {
            return bySeverity;
        }

        var byCode = string.CompareOrdinal(x.Code, y.Code);
        return byCode != 0 ? byCode : x.Indeterminate.CompareTo(y.Indeterminate);
    }

    private static IReadOnlyList<string> UnknownFacts(AssessmentRequest request)
    {
        var (p, s) = (request.Patient, request.Plan);
        var unknown = new List<string>();
        void Add(bool isUnknown, string path)
        {
            if (isUnknown)
            {
                unknown.Add(path);
            }
        }

        Add(p.DiseaseActivity == DiseaseActivity.Unknown, "$.patient.diseaseActivity");
        Add(p.Ankylosis == AnkylosisStatus.Unknown, "$.patient.ankylosis");
        Add(p.RestrictedSpinalMotion == Answer.Unknown, "$.patient.restrictedSpinalMotion");
        Add(p.NeurologicalSymptoms is null, "$.patient.neurologicalSymptoms");
        Add(p.NsaidResponse == NsaidResponse.Unknown, "$.patient.nsaidResponse");
        Add(p.OnTnfInhibitor == Answer.Unknown, "$.patient.onTnfInhibitor");
        Add(p.ProviderConsulted == Answer.Unknown, "$.patient.providerConsulted");
        Add(p.Smoker == Answer.Unknown, "$.patient.smoker");
        Add(p.DietHighInFriedOrSugaryFoods == Answer.Unknown, "$.patient.dietHighInFriedOrSugaryFoods");
        Add(p.PainScore is null, "$.patient.painScore");
        Add(p.StatusConfirmedOn is null, "$.patient.statusConfirmedOn");
        Add(s.SessionDate is null, "$.plan.sessionDate");
        Add(s.AdministeredBy == Administrator.Unknown, "$.plan.administeredBy");
        Add(s.TherapistInformedOfCondition == Answer.Unknown, "$.plan.therapistInformedOfCondition");
        for (var i = 0; i < s.Items.Count; i++)
        {
            Add(s.Items[i].Pressure == Pressure.Unknown, $"$.plan.items[{i.ToString(CultureInfo.InvariantCulture)}].pressure");
        }

        return unknown.AsReadOnly();
    }
}
