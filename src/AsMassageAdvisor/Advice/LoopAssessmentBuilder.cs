using System.Globalization;
using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Advice;

/// <summary>The former loop over the rules, kept only until the NRules engine has shown parity with it.</summary>
internal static class LoopAssessmentBuilder
{
    public static Assessment Build(KnowledgeBase knowledgeBase, AssessmentRequest request, TimeProvider time)
    {
        var assessment = BuildWithoutSaferPlan(knowledgeBase, request, time);
        return WithSaferPlan(knowledgeBase, request, assessment, time);
    }

    public static Explanation Explain(KnowledgeBase knowledgeBase, AssessmentRequest request, TimeProvider time)
    {
        var effective = EffectiveRequest.Of(request, time);
        var evaluations = Evaluate(knowledgeBase, effective, [], all: true);
        var assessment = Build(knowledgeBase, request, effective, evaluations, out var withheld);
        assessment = WithSaferPlan(knowledgeBase, request, assessment, time);
        var rules = evaluations.Select(e => Explain(e, effective, withheld)).OrderBy(r => r.Code, StringComparer.Ordinal).ToArray();
        return new Explanation { Assessment = assessment, Rules = rules.AsReadOnly() };
    }

    // The safer plan is checked again by the same knowledge base and clock as the assessment it comes from. The check
    // reads only the advisories' codes, severities and items and the decision, so it is built without words.
    private static Assessment WithSaferPlan(KnowledgeBase knowledgeBase, AssessmentRequest request, Assessment assessment, TimeProvider time) =>
        assessment with { SaferPlan = SaferPlanBuilder.For(knowledgeBase, request, assessment, r => BuildWithoutSaferPlan(knowledgeBase, r, time, words: false)) };

    private static Assessment BuildWithoutSaferPlan(KnowledgeBase knowledgeBase, AssessmentRequest request, TimeProvider time, bool words = true)
    {
        var effective = EffectiveRequest.Of(request, time);
        var evaluations = Scratch.Take(ref t_evaluations);
        var assessment = Build(knowledgeBase, request, effective, Evaluate(knowledgeBase, effective, evaluations), out _, words);
        Scratch.Return(ref t_evaluations, evaluations);
        return assessment;
    }

    // Working lists of an assessment, kept per thread between assessments so that a busy thread allocates them once.
    // A list is taken out while in use (a nested use gets a new one) and cleared when returned, so it holds nothing.
    [ThreadStatic]
    private static List<RuleEvaluation>? t_evaluations;

    [ThreadStatic]
    private static List<(Advisory Advisory, RuleDefinition Rule)>? t_advisories;

    private static class Scratch
    {
        public static List<T> Take<T>(ref List<T>? slot)
        {
            var list = slot ?? new List<T>(8);
            slot = null;
            return list;
        }

        public static void Return<T>(ref List<T>? slot, List<T> list)
        {
            list.Clear();
            slot = list;
        }
    }

    /// <summary>
    /// The active rules' outcomes on the request: once for a patient rule, once per item for an item rule.
    /// Rules that neither fired nor failed are kept only when <paramref name="all"/> is set (for explanations),
    /// so that an ordinary assessment allocates nothing for them.
    /// </summary>
    private static List<RuleEvaluation> Evaluate(KnowledgeBase knowledgeBase, AssessmentRequest request, List<RuleEvaluation> evaluations, bool all = false)
    {
        var evaluator = knowledgeBase.Evaluator;
        var (patient, plan) = (request.Patient, request.Plan);
        for (var r = 0; r < evaluator.PatientRules.Count; r++)
        {
            var outcome = evaluator.EvaluatePatient(r, patient, plan);
            if (all || outcome.Kind != RuleOutcomeKind.NotFired)
            {
                evaluations.Add(new RuleEvaluation(
                    evaluator.PatientRules[r],
                    outcome.Kind == RuleOutcomeKind.Fired,
                    outcome.Kind == RuleOutcomeKind.Failed,
                    NoItems,
                    NoItems,
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
                evaluations.Add(new RuleEvaluation(
                    evaluator.ItemRules[r],
                    fired is not null,
                    failed is not null,
                    fired?.AsReadOnly() ?? NoItems,
                    failed?.AsReadOnly() ?? NoItems,
                    failure));
            }
        }

        return evaluations;
    }

    // The advisories are built on the effective request; the unknown facts are those of the request as given.
    // Without words (for the safer plan's check) the advisories carry no triggers and the unknown facts are not listed.
    private static Assessment Build(
        KnowledgeBase knowledgeBase, AssessmentRequest given, AssessmentRequest request, List<RuleEvaluation> evaluations, out HashSet<string>? withheld, bool words = true)
    {
        var triggers = words ? new TriggerWords(request) : null;
        var advisories = Scratch.Take(ref t_advisories);
        foreach (var e in evaluations)
        {
            if (e.Fired)
            {
                advisories.Add((Create(knowledgeBase, e.Rule, triggers, e.FiredItems, indeterminate: false), e.Rule));
            }

            if (e.Failed)
            {
                advisories.Add((Create(knowledgeBase, e.Rule, triggers, e.FailedItems, indeterminate: true), e.Rule));
            }
        }

        var ordered = Withhold(advisories, triggers, out withheld);
        Scratch.Return(ref t_advisories, advisories);
        SortMostSevereFirst(ordered);
        var worst = ordered.Length == 0 ? Severity.Info : ordered[0].Severity;
        return new Assessment
        {
            Decision = SeverityTable.DecisionFor(worst),
            Advisories = ordered.AsReadOnly(),
            UnknownFacts = words ? UnknownFacts(given, request) : [],
            KnowledgeBase = knowledgeBase.Identity,
        };
    }

    /// <summary>
    /// Applies the rules' <see cref="RuleDefinition.SilentAbove"/>: a patient advisory is withheld when any other
    /// advisory is more severe than its level; an item advisory loses the items that a more severe advisory names
    /// (or all of them, when that advisory is about the whole plan), and is withheld when none is left. An
    /// advisory of a rule that could not be evaluated is never withheld.
    /// </summary>
    private static Advisory[] Withhold(List<(Advisory Advisory, RuleDefinition Rule)> advisories, TriggerWords? words, out HashSet<string>? withheld)
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
                silenced = MoreSevereCovers(advisories, advisory, level, item: null);
            }
            else
            {
                foreach (var item in advisory.Items)
                {
                    if (!MoreSevereCovers(advisories, advisory, level, item))
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
                    Triggers = Triggers(rule, words, kept),
                };
            }
            else
            {
                result[count++] = advisory;
            }
        }

        return count == result.Length ? result : result[..count];
    }

    // Whether another advisory above the level covers the item (or, with no item, exists at all); a loop, not a query
    // with a closure, since this runs on every assessment that has a rule with silentAbove.
    private static bool MoreSevereCovers(List<(Advisory Advisory, RuleDefinition Rule)> advisories, Advisory advisory, Severity level, int? item)
    {
        foreach (var (other, _) in advisories)
        {
            if (!ReferenceEquals(other, advisory) && other.Severity > level
                && (item is not { } i || other.Items.Count == 0 || other.Items.Contains(i)))
            {
                return true;
            }
        }

        return false;
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

    // A struct: an assessment makes one per rule that fired, and none outlives it. The item lists are read-only views
    // of lists nobody else holds, so an advisory can keep them as they are.
    private readonly record struct RuleEvaluation(
        RuleDefinition Rule, bool Fired, bool Failed, IReadOnlyList<int> FiredItems, IReadOnlyList<int> FailedItems, string? Failure);

    private static readonly IReadOnlyList<int> NoItems = Array.AsReadOnly(Array.Empty<int>());

    private static Advisory Create(KnowledgeBase knowledgeBase, RuleDefinition rule, TriggerWords? words, IReadOnlyList<int> items, bool indeterminate)
    {
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
                Items = items,
                Triggers = Triggers(rule, words, items),
                Citations = citations,
            };
        }

        // A rule that could not be evaluated is reported as if it applied, at no less than a warning,
        // so that a failure can never let a plan through as "proceed".
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
            Items = items,
            Triggers = Triggers(rule, words, items, $"rule {rule.Code} could not be evaluated on this request"),
            Citations = citations,
        };
    }

    private static IReadOnlyList<string> Triggers(RuleDefinition rule, TriggerWords? words, IReadOnlyList<int> items, string? first = null)
    {
        if (words is null)
        {
            return [];
        }

        var triggers = new List<string>(rule.Triggers.Count + items.Count);
        if (first is not null)
        {
            triggers.Add(first);
        }

        foreach (var name in rule.Triggers)
        {
            if (name == TriggerText.Item)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    triggers.Add(words.Item(items[i]));
                }
            }
            else if (words.Fact(name) is { } text)
            {
                triggers.Add(text);
            }
        }

        return triggers.AsReadOnly();
    }

    /// <summary>
    /// The words for the facts of one request, each made once: many advisories of an assessment name the same facts
    /// (ankylosis, the items), and an assessment is built with one of these.
    /// </summary>
    private sealed class TriggerWords(AssessmentRequest request)
    {
        // The facts made so far, few per assessment: a short list searched from the start beats a table of every fact.
        private (int Index, string? Words)[] _facts = [];
        private int _factCount;
        private string?[]? _items;

        public string? Fact(string name)
        {
            var index = TriggerText.IndexOf(name);
            for (var f = 0; f < _factCount; f++)
            {
                if (_facts[f].Index == index)
                {
                    return _facts[f].Words;
                }
            }

            if (_factCount == _facts.Length)
            {
                Array.Resize(ref _facts, Math.Max(4, _factCount * 2));
            }

            var words = TriggerText.Describe(index, request);
            _facts[_factCount++] = (index, words);
            return words;
        }

        public string Item(int index) =>
            (_items ??= new string?[request.Plan.Items.Count])[index] ??= TriggerText.DescribeItem(index, request.Plan.Items[index]);
    }

    private static readonly IComparer<Advisory> MostSevereFirstOrder = Comparer<Advisory>.Create(MostSevereFirst);

    // An assessment has a handful of advisories: an insertion sort orders them without the allocations of Array.Sort.
    // The order is total (severity, code, indeterminate), so either sort gives the same result.
    private static void SortMostSevereFirst(Advisory[] advisories)
    {
        if (advisories.Length > 32)
        {
            Array.Sort(advisories, MostSevereFirstOrder);
            return;
        }

        for (var i = 1; i < advisories.Length; i++)
        {
            var current = advisories[i];
            var j = i - 1;
            while (j >= 0 && MostSevereFirst(advisories[j], current) > 0)
            {
                advisories[j + 1] = advisories[j];
                j--;
            }

            advisories[j + 1] = current;
        }
    }

    // Most severe first, then by code; an indeterminate advisory after a determinate one of the same rule.
    private static int MostSevereFirst(Advisory x, Advisory y)
    {
        // Compared as numbers: Enum.CompareTo takes an object and would box both values on every comparison.
        var bySeverity = ((int)y.Severity).CompareTo((int)x.Severity);
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
            // The path is made only for an item whose pressure is unknown.
            if (s.Items[i].Pressure == Pressure.Unknown)
            {
                unknown.Add($"{StrictJson.Index(FactPaths.Items, i)}.{FactPaths.Pressure}");
            }
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
