using System.Globalization;
using AsMassageAdvisor.Engine;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Advice;

/// <summary>Runs the rules on a valid request and turns their outcomes into an assessment.</summary>
internal static class AssessmentBuilder
{
    public static Assessment Build(KnowledgeBase knowledgeBase, AssessmentRequest request)
    {
        var evaluator = knowledgeBase.Evaluator;
        var (patient, plan) = (request.Patient, request.Plan);
        var advisories = new List<Advisory>();

        var patientOutcomes = evaluator.EvaluatePatient(patient, plan);
        for (var r = 0; r < evaluator.PatientRules.Count; r++)
        {
            var rule = evaluator.PatientRules[r];
            var outcome = patientOutcomes[r];
            if (outcome.Kind == RuleOutcomeKind.Fired)
            {
                advisories.Add(Create(knowledgeBase, rule, request, [], indeterminate: false));
            }
            else if (outcome.Kind == RuleOutcomeKind.Failed)
            {
                advisories.Add(Create(knowledgeBase, rule, request, [], indeterminate: true));
            }
        }

        var fired = new List<int>[evaluator.ItemRules.Count];
        var failed = new List<int>[evaluator.ItemRules.Count];
        for (var i = 0; i < plan.Items.Count; i++)
        {
            var outcomes = evaluator.EvaluateItem(patient, plan, plan.Items[i]);
            for (var r = 0; r < outcomes.Count; r++)
            {
                if (outcomes[r].Kind == RuleOutcomeKind.Fired)
                {
                    (fired[r] ??= []).Add(i);
                }
                else if (outcomes[r].Kind == RuleOutcomeKind.Failed)
                {
                    (failed[r] ??= []).Add(i);
                }
            }
        }

        for (var r = 0; r < evaluator.ItemRules.Count; r++)
        {
            if (fired[r] is { } items)
            {
                advisories.Add(Create(knowledgeBase, evaluator.ItemRules[r], request, items, indeterminate: false));
            }

            if (failed[r] is { } failedItems)
            {
                advisories.Add(Create(knowledgeBase, evaluator.ItemRules[r], request, failedItems, indeterminate: true));
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
        Add(p.NsaidResponse == NsaidResponse.Unknown, "$.patient.nsaidResponse");
        Add(p.OnTnfInhibitor == Answer.Unknown, "$.patient.onTnfInhibitor");
        Add(p.ProviderConsulted == Answer.Unknown, "$.patient.providerConsulted");
        Add(p.Smoker == Answer.Unknown, "$.patient.smoker");
        Add(p.DietHighInFriedOrSugaryFoods == Answer.Unknown, "$.patient.dietHighInFriedOrSugaryFoods");
        Add(p.PainScore is null, "$.patient.painScore");
        Add(s.AdministeredBy == Administrator.Unknown, "$.plan.administeredBy");
        Add(s.TherapistInformedOfCondition == Answer.Unknown, "$.plan.therapistInformedOfCondition");
        for (var i = 0; i < s.Items.Count; i++)
        {
            Add(s.Items[i].Pressure == Pressure.Unknown, $"$.plan.items[{i.ToString(CultureInfo.InvariantCulture)}].pressure");
        }

        return unknown.AsReadOnly();
    }
}
