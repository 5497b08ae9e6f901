using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Benchmarks.StraightforwardRules;
using AsMassageAdvisor.Model;
using NRules;
using NRules.Fluent;

namespace AsMassageAdvisor.Benchmarks;

/// <summary>
/// The built-in rules as a team reading NRules' documentation would port them: one Fluent rule class per rule
/// (in <c>StraightforwardRules</c>), loaded and compiled once into a session factory; per assessment a new
/// session, the patient, the plan and the indexed items inserted, the rules fired, and the findings read back.
/// The rules withheld beside more severe advice (their "silentAbove") are withheld afterwards, in plain code.
/// </summary>
/// <remarks>
/// A benchmark contender, not part of the library: it computes firings and the decision and writes no texts. Its
/// conditions are the rule file's expressions written as C# lambdas, using the same <c>Terms</c> vocabulary.
/// </remarks>
public sealed class StraightforwardPort
{
    // The rules whose advice is withheld beside more severe advice, with their "silentAbove". A patient rule is
    // withheld by anything more severe; an item rule by anything more severe on the same item, or, when it is below
    // a warning, by anything more severe about the patient or the plan as a whole.
    private static readonly Dictionary<string, Severity> SilentAbove = new(StringComparer.Ordinal)
    {
        ["ASM-008"] = Severity.Contraindicated, ["ASM-021"] = Severity.Contraindicated, ["ASM-022"] = Severity.Contraindicated,
        ["ASM-023"] = Severity.Contraindicated, ["ASM-025"] = Severity.Caution, ["ASM-026"] = Severity.Contraindicated,
        ["ASM-004"] = Severity.Warning, ["ASM-005"] = Severity.Warning, ["ASM-007"] = Severity.Warning, ["ASM-009"] = Severity.Warning,
        ["ASM-010"] = Severity.Warning, ["ASM-016"] = Severity.Warning, ["ASM-018"] = Severity.Warning, ["ASM-019"] = Severity.Warning,
        ["ASM-027"] = Severity.Warning, ["ASM-028"] = Severity.Warning, ["ASM-029"] = Severity.Caution, ["ASM-033"] = Severity.Warning,
        ["ASM-034"] = Severity.Warning, ["ASM-035"] = Severity.Warning, ["ASM-037"] = Severity.Warning, ["ASM-038"] = Severity.Warning,
        ["ASM-039"] = Severity.Warning, ["ASM-040"] = Severity.Warning, ["ASM-043"] = Severity.Warning, ["ASM-046"] = Severity.Warning,
    };

    private readonly ISessionFactory _factory;

    /// <summary>Loads the Fluent rules of this assembly and compiles them into one session factory.</summary>
    public StraightforwardPort()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(StraightforwardPort).Assembly));
        RuleCount = repository.GetRules().Count();
        _factory = repository.Compile();
    }

    /// <summary>The number of rules compiled into the session factory.</summary>
    public int RuleCount { get; }

    /// <summary>
    /// Assesses <paramref name="request"/>: the decision and, when <paramref name="firings"/> is given, every firing
    /// added to it, one per rule with the items it fired on, ordered by rule code. <paramref name="today"/> is the
    /// session day when the plan gives none.
    /// </summary>
    public Decision Assess(AssessmentRequest request, List<HandWrittenRules.Firing>? firings = null, DateOnly today = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (patient, plan) = (request.Patient, request.Plan);

        // The two readings of the contract the advisor applies before its rules run.
        if (patient.Ankylosis == AnkylosisStatus.Unknown && patient.AnkylosedRegions.Count > 0)
        {
            patient = patient with { Ankylosis = AnkylosisStatus.Present };
        }

        if (plan.SessionDate is null && patient.StatusConfirmedOn is not null)
        {
            plan = plan with { SessionDate = today };
        }

        var session = _factory.CreateSession();
        session.Insert(patient);
        session.Insert(plan);
        for (var i = 0; i < plan.Items.Count; i++)
        {
            session.Insert(new IndexedItem(i, plan.Items[i]));
        }

        session.Fire();
        var findings = session.Query<Finding>().ToList();

        // Withholding: the worst of what is said about the patient and plan, about each item, and overall.
        var worstPatient = Severity.Info;
        var worstOfItem = new Severity[plan.Items.Count];
        var worstOverall = Severity.Info;
        foreach (var finding in findings)
        {
            if (finding.Item is { } item)
            {
                worstOfItem[item] = Max(worstOfItem[item], finding.Severity);
            }
            else
            {
                worstPatient = Max(worstPatient, finding.Severity);
            }

            worstOverall = Max(worstOverall, finding.Severity);
        }

        var kept = findings.Where(f => !SilentAbove.TryGetValue(f.Code, out var above) || (f.Item is { } i
            ? worstOfItem[i] <= above && (f.Severity >= Severity.Warning || worstPatient <= above)
            : worstOverall <= above));

        var worst = Severity.Info;
        foreach (var rule in kept.GroupBy(f => f.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var severity = rule.First().Severity;
            worst = Max(worst, severity);
            firings?.Add(new HandWrittenRules.Firing(
                rule.Key,
                severity,
                rule.Where(f => f.Item is not null).Select(f => f.Item!.Value).Order().ToArray()));
        }

        return worst switch
        {
            Severity.Stop => Decision.DoNotProceed,
            Severity.Contraindicated or Severity.Warning => Decision.ProceedWithModifications,
            Severity.Caution => Decision.ProceedWithCaution,
            _ => Decision.Proceed,
        };
    }

    private static Severity Max(Severity a, Severity b) => a > b ? a : b;
}
