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
        var evaluations = Evaluate(knowledgeBase, request);
        var assessment = Build(knowledgeBase, request, evaluations);
        var rules = evaluations.Select(e => Explain(e, request)).OrderBy(r => r.Code, StringComparer.Ordinal).ToArray();
        return new Explanation { Assessment = assessment, Rules = rules.AsReadOnly() };
    }

    /// <summary>Every active rule's outcome on the request: once for a patient rule, once per item for an item rule.</summary>
    private static List<RuleEvaluation> Evaluate(KnowledgeBase knowledgeBase, AssessmentRequest request)
    {
        var evaluator = knowledgeBase.Evaluator;
        var (patient, plan) = (request.Patient, request.Plan);
        var evaluations = new List<RuleEvaluation>();
        var patientOutcomes = evaluator.EvaluatePatient(patient, plan);
        for (var r = 0; r < evaluator.PatientRules.Count; r++)
        {
            var kind = patientOutcomes[r].Kind;
            evaluations.Add(new RuleEvaluation(
                evaluator.PatientRules[r],
                kind == RuleOutcomeKind.Fired,
                kind == RuleOutcomeKind.Failed,
                [],
                [],
                patientOutcomes[r].Failure));
        }

        var itemOutcomes = plan.Items.Select(item => evaluator.EvaluateItem(patient, plan, item)).ToArray();
        for (var r = 0; r < evaluator.ItemRules.Count; r++)
        {
            var fired = new List<int>();
            var failed = new List<int>();
            string? failure = null;
            for (var i = 0; i < itemOutcomes.Length; i++)
            {
                var outcome = itemOutcomes[i][r];
                if (outcome.Kind == RuleOutcomeKind.Fired)
                {
                    fired.Add(i);
                }
                else if (outcome.Kind == RuleOutcomeKind.Failed)
                {
                    failed.Add(i);
                    failure ??= outcome.Failure;
                }
            }

            evaluations.Add(new RuleEvaluation(evaluator.ItemRules[r], fired.Count > 0, failed.Count > 0, fired, failed, failure));
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

        var ordered = advisories
            .OrderByDescending(a => a.Severity)
            .ThenBy(a => a.Code, StringComparer.Ordinal)
            .ThenBy(a => a.Indeterminate)
            .ToArray();
        return new Assessment
        {
            Decision = Decisions.From(ordered.Select(a => a.Severity)),
            Advisories = ordered.AsReadOnly(),
            UnknownFacts = UnknownFacts(request),
            KnowledgeBase = knowledgeBase.Identity,
        };
    }

    private static RuleExplanation Explain(RuleEvaluation e, AssessmentRequest request)
    {
        var rule = e.Rule;
        var facts = rule.Triggers.Where(t => t != TriggerText.Item)
            .Select(t => TriggerText.Describe(t, request))
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

        var citations = rule.Citations.Select(c =>
        {
            var source = knowledgeBase.GetSource(c.Source);
            return new Citation(c.Source, c.Section, source.Label, source.Doi, c.Evidence);
        }).ToArray();

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
                Items = items.ToArray().AsReadOnly(),
                Triggers = triggers.AsReadOnly(),
                Citations = citations.AsReadOnly(),
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
            Items = items.ToArray().AsReadOnly(),
            Triggers = triggers.AsReadOnly(),
            Citations = citations.AsReadOnly(),
        };
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
