using System.Globalization;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Properties;

/// <summary>The shared advisor of the property tests and the measures the laws compare.</summary>
internal static class Assessed
{
    /// <summary>One advisor for all the property tests: it is documented as immutable and thread-safe.</summary>
    public static readonly Advisor Advisor = new();

    public static Assessment Assess(AssessmentRequest request) => Advisor.Assess(request);

    /// <summary>
    /// The worst severity of the advisories that name each item, by item index; null for an item no advisory names.
    /// A whole-plan advisory above caution counts for every item.
    /// </summary>
    public static Severity?[] WorstPerItem(Assessment assessment, int itemCount)
    {
        var worst = new Severity?[itemCount];
        var allItems = Enumerable.Range(0, itemCount).ToArray();
        foreach (var advisory in assessment.Advisories)
        {
            // Advice about the whole plan above caution (a stop) applies to every item: no item goes ahead.
            IReadOnlyList<int> items = advisory.Items.Count == 0 && advisory.Severity > Severity.Caution ? allItems : advisory.Items;
            foreach (var i in items)
            {
                if (worst[i] is null || worst[i] < advisory.Severity)
                {
                    worst[i] = advisory.Severity;
                }
            }
        }

        return worst;
    }

    /// <summary>The decision the advisories would give without those of the named rules: the severity table of the requirements.</summary>
    public static Decision DecisionWithout(Assessment assessment, params string[] codes)
    {
        var worst = assessment.Advisories
            .Where(a => !codes.Contains(a.Code, StringComparer.Ordinal))
            .Select(a => a.Severity)
            .DefaultIfEmpty(Severity.Info)
            .Max();
        return worst switch
        {
            Severity.Stop => Decision.DoNotProceed,
            Severity.Contraindicated or Severity.Warning => Decision.ProceedWithModifications,
            Severity.Caution => Decision.ProceedWithCaution,
            _ => Decision.Proceed,
        };
    }

    /// <summary>The codes with their severities and items, one per line, for failure messages.</summary>
    public static string Summary(Assessment assessment) =>
        $"{assessment.Decision}: " + string.Join("; ", assessment.Advisories.Select(a =>
            $"{a.Code} {a.Severity}{(a.Indeterminate ? " (indeterminate)" : "")}{(a.Items.Count > 0 ? " items [" + string.Join(",", a.Items) + "]" : "")}"));

    /// <summary>Asserts that an ordered enum value (a decision, a severity) is no milder than a floor.</summary>
    public static void AtLeast<T>(T actual, T floor, string because)
        where T : struct, Enum =>
        Convert.ToInt32(actual, CultureInfo.InvariantCulture).Should()
            .BeGreaterThanOrEqualTo(Convert.ToInt32(floor, CultureInfo.InvariantCulture), $"{actual} must be no milder than {floor}: {because}");

    public static AssessmentRequest WithPatient(this AssessmentRequest request, Func<PatientStatus, PatientStatus> change) =>
        request with { Patient = change(request.Patient) };

    public static AssessmentRequest WithPlan(this AssessmentRequest request, Func<SessionPlan, SessionPlan> change) =>
        request with { Plan = change(request.Plan) };

    /// <summary>The request with the item at <paramref name="index"/> changed.</summary>
    public static AssessmentRequest WithItem(this AssessmentRequest request, int index, Func<PlanItem, PlanItem> change) =>
        request.WithPlan(plan =>
        {
            var items = plan.Items.ToArray();
            items[index] = change(items[index]);
            return plan with { Items = items };
        });
}
