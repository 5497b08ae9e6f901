using System.Globalization;
using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using AsMassageAdvisor.Reports;

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
        var run = knowledgeBase.Network.Run(request, time, explain: true);
        var effective = Effective(request, run);
        var assessment = Build(knowledgeBase, request, effective, run, out var withheld);
        assessment = WithSaferPlan(knowledgeBase, request, assessment, time);
        var rules = knowledgeBase.ActiveRules.Select(r => Explain(r, run, effective, withheld)).OrderBy(r => r.Code, StringComparer.Ordinal).ToArray();
        return new Explanation { Assessment = assessment, Rules = rules.AsReadOnly() };
    }

    // The safer plan is checked again by the same knowledge base and clock as the assessment it comes from, in a new
    // session. The check reads only the advisories' codes, severities and items and the decision, so it is built
    // without words.
    private static Assessment WithSaferPlan(KnowledgeBase knowledgeBase, AssessmentRequest request, Assessment assessment, TimeProvider time) =>
        assessment with { SaferPlan = SaferPlanBuilder.For(knowledgeBase, request, assessment, r => BuildWithoutSaferPlan(knowledgeBase, r, time, words: false)) };

    private static Assessment BuildWithoutSaferPlan(KnowledgeBase knowledgeBase, AssessmentRequest request, TimeProvider time, bool words = true)
    {
        var run = knowledgeBase.Network.Run(request, time);
        return Build(knowledgeBase, request, Effective(request, run), run, out _, words);
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
        KnowledgeBase knowledgeBase, AssessmentRequest given, AssessmentRequest request, EngineRun run, out HashSet<string>? withheld, bool words = true)
    {
        var triggers = words ? new TriggerWords(request, plain: false) : null;
        var plainTriggers = words ? new TriggerWords(request, plain: true) : null;
        withheld = null;
        var findings = run.Findings;
        findings.Sort(ByRuleThenItem);
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
                advisories.Add(Create(knowledgeBase, rule, triggers, plainTriggers, items?.AsReadOnly() ?? NoItems, first.Indeterminate));
            }
            else
            {
                (withheld ??= new HashSet<string>(StringComparer.Ordinal)).Add(rule.Code);
            }

            start = end;
        }

        var ordered = advisories.ToArray();
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

    private static readonly Comparison<Finding> ByRuleThenItem = (x, y) =>
    {
        var byCode = string.CompareOrdinal(x.Rule.Code, y.Rule.Code);
        if (byCode != 0)
        {
            return byCode;
        }

        var byKind = x.Indeterminate.CompareTo(y.Indeterminate);
        return byKind != 0 ? byKind : x.Item.CompareTo(y.Item);
    };

    private static RuleExplanation Explain(RuleDefinition rule, EngineRun run, AssessmentRequest request, HashSet<string>? withheld)
    {
        var facts = rule.Triggers.Where(t => t != TriggerText.Item)
            .Select(t => TriggerText.Describe(t, request, everyValue: true))
            .OfType<string>()
            .ToList();
        var firedItems = run.FiredItemsByRule?.GetValueOrDefault(rule.Code);
        var derived = run.DerivedFactsByRule?.GetValueOrDefault(rule.Code);
        var fired = derived is not null;

        var failures = run.Failures.Where(f => ReferenceEquals(f.Rule, rule)).ToList();
        var failedItems = failures.Where(f => f.Item >= 0).Select(f => f.Item).Order().ToArray();
        var verdict = failures.Count > 0 ? RuleVerdict.NotEvaluated : fired ? RuleVerdict.Fired : RuleVerdict.DidNotApply;

        // The same reason twice: items by index for the JSON, counted from 1 for people.
        string Reason(Func<IEnumerable<int>, string> items) => verdict switch
        {
            RuleVerdict.NotEvaluated =>
                (rule.Scope == RuleScope.Item ? $"It could not be evaluated on {items(failedItems)}" : "It could not be evaluated")
                + $" ({failures[0].Error}; the condition was {failures[0].Condition}); it is reported as applying, at no less than a warning.",
            RuleVerdict.Fired =>
                (rule.Scope == RuleScope.Item
                    ? $"Its condition held for {items(firedItems ?? [])}: {rule.When}"
                    : $"Its condition held: {rule.When}")
                + (derived is { Count: > 0 } ? $" The terms it matched: {string.Join("; ", derived)}." : "")
                + (withheld?.Contains(rule.Code) == true ? " Its advisory was withheld: a more severe advisory already covers it." : ""),
            _ => rule.Scope == RuleScope.Item
                ? (request.Plan.Items.Count == 1 ? "Its condition did not hold for the plan's item: " : $"Its condition held for none of the {request.Plan.Items.Count} items: ") + rule.When
                : $"Its condition did not hold: {rule.When}",
        };

        return new RuleExplanation
        {
            Code = rule.Code,
            Title = rule.Title,
            Verdict = verdict,
            Items = failedItems.Union(firedItems ?? []).Order().ToArray().AsReadOnly(),
            Reason = Reason(items => "item(s) " + Join(items)),
            Facts = facts.AsReadOnly(),
            ReasonInWords = Reason(items => PlainWords.Items([.. items])),
            FactsInWords = rule.Triggers.Where(t => t != TriggerText.Item)
                .Select(t => TriggerText.Describe(t, request, everyValue: true, plain: true))
                .OfType<string>()
                .ToArray()
                .AsReadOnly(),
        };
    }

    private static string Join(IEnumerable<int> items) => string.Join(", ", items.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    private static readonly IReadOnlyList<int> NoItems = Array.AsReadOnly(Array.Empty<int>());

    private static Advisory Create(
        KnowledgeBase knowledgeBase, RuleDefinition rule, TriggerWords? words, TriggerWords? plainWords, IReadOnlyList<int> items, bool indeterminate)
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
                TriggersInWords = Triggers(rule, plainWords, items),
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
            TriggersInWords = Triggers(rule, plainWords, items, $"rule {rule.Code} could not be checked on this request"),
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
    private sealed class TriggerWords(AssessmentRequest request, bool plain)
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

            var words = TriggerText.Describe(index, request, plain: plain);
            _facts[_factCount++] = (index, words);
            return words;
        }

        public string Item(int index) =>
            (_items ??= new string?[request.Plan.Items.Count])[index] ??= TriggerText.DescribeItem(index, request.Plan.Items[index], plain);
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
        // Listed symptoms stop the session unless a physician has assessed them and they have not changed since (K32).
        Add(p.NeurologicalSymptoms is { Count: > 0 } && p.NeurologicalSymptomsAssessedOn is null, FactPaths.NeurologicalSymptomsAssessedOn);
        Add(p.NeurologicalSymptomsAssessedOn is not null && p.NeurologicalSymptomsChangedSinceAssessment == Answer.Unknown, FactPaths.NeurologicalSymptomsChangedSinceAssessment);
        Add(p.NsaidResponse == NsaidResponse.Unknown, FactPaths.NsaidResponse);
        Add(p.OnTnfInhibitor == Answer.Unknown, FactPaths.OnTnfInhibitor);
        Add(p.ProviderConsulted == Answer.Unknown, FactPaths.ProviderConsulted);
        Add(p.Smoker == Answer.Unknown, FactPaths.Smoker);
        Add(p.DietHighInFriedOrSugaryFoods == Answer.Unknown, FactPaths.DietHighInFriedOrSugaryFoods);
        Add(p.PainScore is null, FactPaths.PainScore);
        Add(given.Patient.StatusConfirmedOn is null, FactPaths.StatusConfirmedOn);
        Add(given.Plan.SessionDate is null, FactPaths.SessionDate);
        Add(s.AdministeredBy == Administrator.Unknown, FactPaths.AdministeredBy);
        // A patient who massages themself has no therapist to tell (K30): the fact is not asked for.
        Add(s.TherapistInformedOfCondition == Answer.Unknown && s.AdministeredBy != Administrator.Self, FactPaths.TherapistInformedOfCondition);
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

        public static readonly string NeurologicalSymptomsAssessedOn = ContractNames.PatientPath(nameof(PatientStatus.NeurologicalSymptomsAssessedOn));

        public static readonly string NeurologicalSymptomsChangedSinceAssessment = ContractNames.PatientPath(nameof(PatientStatus.NeurologicalSymptomsChangedSinceAssessment));

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
