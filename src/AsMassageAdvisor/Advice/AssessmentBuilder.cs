using System.Globalization;
using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Advice;

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
        var effective = EffectiveRequest.Of(request, time);
        var evaluations = Evaluate(knowledgeBase, effective, all: true);
        var assessment = Build(knowledgeBase, request, effective, evaluations, out var withheld);
        assessment = WithSaferPlan(knowledgeBase, request, assessment, time);
        var rules = evaluations.Select(e => Explain(e, effective, withheld)).OrderBy(r => r.Code, StringComparer.Ordinal).ToArray();
        return new Explanation { Assessment = assessment, Rules = rules.AsReadOnly() };
    }

    // The safer plan is checked again by the same knowledge base and clock as the assessment it comes from.
    private static Assessment WithSaferPlan(KnowledgeBase knowledgeBase, AssessmentRequest request, Assessment assessment, TimeProvider time) =>
        assessment with { SaferPlan = SaferPlanBuilder.For(knowledgeBase, request, assessment, r => BuildWithoutSaferPlan(knowledgeBase, r, time)) };

    private static Assessment BuildWithoutSaferPlan(KnowledgeBase knowledgeBase, AssessmentRequest request, TimeProvider time)
    {
        var effective = EffectiveRequest.Of(request, time);
        return Build(knowledgeBase, request, effective, Evaluate(knowledgeBase, effective), out _);
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

    // The advisories are built on the effective request; the unknown facts are those of the request as given.
    private static Assessment Build(
        KnowledgeBase knowledgeBase, AssessmentRequest given, AssessmentRequest request, List<RuleEvaluation> evaluations, out HashSet<string>? withheld)
    {
        var advisories = new List<(Advisory Advisory, RuleDefinition Rule)>();
        foreach (var e in evaluations)
        {
            if (e.Fired)
            {
                advisories.Add((Create(knowledgeBase, e.Rule, request, e.FiredItems, indeterminate: false), e.Rule));
            }

            if (e.Failed)
            {
                advisories.Add((Create(knowledgeBase, e.Rule, request, e.FailedItems, indeterminate: true), e.Rule));
            }
        }

        var ordered = Withhold(advisories, request, out withheld);
        Array.Sort(ordered, MostSevereFirst);
        var worst = ordered.Length == 0 ? Severity.Info : ordered[0].Severity;
        return new Assessment
        {
            Decision = SeverityTable.DecisionFor(worst),
            Advisories = ordered.AsReadOnly(),
            UnknownFacts = UnknownFacts(given, request),
            KnowledgeBase = knowledgeBase.Identity,
        };
    }

    /// <summary>
    /// Applies the rules' <see cref="RuleDefinition.SilentAbove"/>: a patient advisory is withheld when any other
    /// advisory is more severe than its level; an item advisory loses the items that a more severe advisory names
    /// (or all of them, when that advisory is about the whole plan), and is withheld when none is left. An
    /// advisory of a rule that could not be evaluated is never withheld.
    /// </summary>
    private static Advisory[] Withhold(List<(Advisory Advisory, RuleDefinition Rule)> advisories, AssessmentRequest request, out HashSet<string>? withheld)
    {
        withheld = null;
        var result = new Advisory[advisories.Count];
        var count = 0;
        for (var a = 0; a < advisories.Count; a++)
        {
            var (advisory, rule) = advisories[a];
            if (rule.SilentAbove is not { } level || advisory.Indeterminate)
            {
                result[count++] = advisory;
                continue;
            }

            List<int>? kept = rule.Scope == RuleScope.Item ? [] : null;
            var silenced = false;
            if (kept is null)
            {
                silenced = advisories.Exists(o => !ReferenceEquals(o.Advisory, advisory) && o.Advisory.Severity > level);
            }
            else
            {
                foreach (var item in advisory.Items)
                {
                    if (!advisories.Exists(o => !ReferenceEquals(o.Advisory, advisory) && o.Advisory.Severity > level
                        && (o.Advisory.Items.Count == 0 || o.Advisory.Items.Contains(item))))
                    {
                        kept.Add(item);
                    }
                }

                silenced = kept.Count == 0;
            }

            if (silenced)
            {
                (withheld ??= new HashSet<string>(StringComparer.Ordinal)).Add(rule.Code);
            }
            else if (kept is not null && kept.Count < advisory.Items.Count)
            {
                result[count++] = advisory with
                {
                    Items = kept.AsReadOnly(),
                    Triggers = Triggers(rule, request, kept),
                };
            }
            else
            {
                result[count++] = advisory;
            }
        }

        return count == result.Length ? result : result[..count];
    }

    private static RuleExplanation Explain(RuleEvaluation e, AssessmentRequest request, HashSet<string>? withheld)
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
            reason = (rule.Scope == RuleScope.Item
                ? $"Its condition held for item(s) {Join(e.FiredItems)}: {rule.When}"
                : $"Its condition held: {rule.When}")
                + (withheld?.Contains(rule.Code) == true ? " Its advisory was withheld: a more severe advisory already covers it." : "");
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
        var triggers = new List<string>(Triggers(rule, request, items));
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

    private static IReadOnlyList<string> Triggers(RuleDefinition rule, AssessmentRequest request, IReadOnlyList<int> items)
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

        return triggers.AsReadOnly();
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

    // The dates as given: an absent date reads as "now" but is still a fact the caller did not give.
    private static IReadOnlyList<string> UnknownFacts(AssessmentRequest given, AssessmentRequest request)
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

        Add(p.DiseaseActivity == DiseaseActivity.Unknown, FactPaths.DiseaseActivity);
        Add(p.Ankylosis == AnkylosisStatus.Unknown, FactPaths.Ankylosis);
        Add(p.RestrictedSpinalMotion == Answer.Unknown, FactPaths.RestrictedSpinalMotion);
        Add(p.NeurologicalSymptoms is null, FactPaths.NeurologicalSymptoms);
        Add(p.NsaidResponse == NsaidResponse.Unknown, FactPaths.NsaidResponse);
        Add(p.OnTnfInhibitor == Answer.Unknown, FactPaths.OnTnfInhibitor);
        Add(p.ProviderConsulted == Answer.Unknown, FactPaths.ProviderConsulted);
        Add(p.Smoker == Answer.Unknown, FactPaths.Smoker);
        Add(p.DietHighInFriedOrSugaryFoods == Answer.Unknown, FactPaths.DietHighInFriedOrSugaryFoods);
        Add(p.PainScore is null, FactPaths.PainScore);
        Add(given.Patient.StatusConfirmedOn is null, FactPaths.StatusConfirmedOn);
        Add(given.Plan.SessionDate is null, FactPaths.SessionDate);
        Add(s.AdministeredBy == Administrator.Unknown, FactPaths.AdministeredBy);
        Add(s.TherapistInformedOfCondition == Answer.Unknown, FactPaths.TherapistInformedOfCondition);
        for (var i = 0; i < s.Items.Count; i++)
        {
            Add(s.Items[i].Pressure == Pressure.Unknown, $"{StrictJson.Index(FactPaths.Items, i)}.{FactPaths.Pressure}");
        }

        return unknown.AsReadOnly();
    }

    // The JSON paths of the facts that may be unknown, made once from the model's names.
    private static class FactPaths
    {
        public static readonly string DiseaseActivity = ContractNames.PatientPath(nameof(PatientStatus.DiseaseActivity));

        public static readonly string Ankylosis = ContractNames.PatientPath(nameof(PatientStatus.Ankylosis));

        public static readonly string RestrictedSpinalMotion = ContractNames.PatientPath(nameof(PatientStatus.RestrictedSpinalMotion));

        public static readonly string NeurologicalSymptoms = ContractNames.PatientPath(nameof(PatientStatus.NeurologicalSymptoms));

        public static readonly string NsaidResponse = ContractNames.PatientPath(nameof(PatientStatus.NsaidResponse));

        public static readonly string OnTnfInhibitor = ContractNames.PatientPath(nameof(PatientStatus.OnTnfInhibitor));

        public static readonly string ProviderConsulted = ContractNames.PatientPath(nameof(PatientStatus.ProviderConsulted));

        public static readonly string Smoker = ContractNames.PatientPath(nameof(PatientStatus.Smoker));

        public static readonly string DietHighInFriedOrSugaryFoods = ContractNames.PatientPath(nameof(PatientStatus.DietHighInFriedOrSugaryFoods));

        public static readonly string PainScore = ContractNames.PatientPath(nameof(PatientStatus.PainScore));

        public static readonly string StatusConfirmedOn = ContractNames.PatientPath(nameof(PatientStatus.StatusConfirmedOn));

        public static readonly string SessionDate = ContractNames.PlanPath(nameof(SessionPlan.SessionDate));

        public static readonly string AdministeredBy = ContractNames.PlanPath(nameof(SessionPlan.AdministeredBy));

        public static readonly string TherapistInformedOfCondition = ContractNames.PlanPath(nameof(SessionPlan.TherapistInformedOfCondition));

        public static readonly string Items = ContractNames.PlanPath(nameof(SessionPlan.Items));

        public static readonly string Pressure = ContractNames.Of(nameof(PlanItem.Pressure));
    }
}
