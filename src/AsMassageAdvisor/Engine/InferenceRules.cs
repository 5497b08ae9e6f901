using System.Linq.Expressions;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace AsMassageAdvisor.Engine;

/// <summary>
/// The rules the library writes itself, beside the knowledge base's advisory rules. Inference rules insert the derived
/// facts that many advisory rules share (the state of the spine, the work each item does, the plan's work, the session
/// day), so that a term is defined once and an explanation can show how it was reached. The withholding rule marks a
/// finding of a rule that is withheld beside more severe advice (the catalogue's "withheld above"). Their conditions and
/// actions are the library's own code; nothing here comes from a rule file.
/// </summary>
internal static class InferenceRules
{
    /// <summary>The prefix of every rule name that is not an advisory rule's code.</summary>
    public const string Prefix = "term:";

    private const string Withhold = Prefix + "withhold";

    // Inference first: an advisory rule needs its derived facts before it can match, and the network does the rest.
    private const int InferencePriority = 100;

    public static IEnumerable<IRuleDefinition> Create()
    {
        yield return Rule(
            Prefix + "ankylosis as recorded",
            lhs => lhs.Pattern(typeof(PatientStatus), "patient")
                .Condition((Expression<Func<PatientStatus, bool>>)(patient => !(patient.Ankylosis == AnkylosisStatus.Unknown && patient.AnkylosedRegions.Count > 0))),
            (Expression<Action<IContext, PatientStatus>>)((ctx, patient) => ctx.Insert(Derived.RecordedSpine(patient))));

        yield return Rule(
            Prefix + "ankylosis from fused regions",
            lhs => lhs.Pattern(typeof(PatientStatus), "patient")
                .Condition((Expression<Func<PatientStatus, bool>>)(patient => patient.Ankylosis == AnkylosisStatus.Unknown && patient.AnkylosedRegions.Count > 0)),
            (Expression<Action<IContext, PatientStatus>>)((ctx, patient) => ctx.Insert(Derived.SpineFromRegions(patient))));

        yield return Rule(
            Prefix + "case facts",
            lhs =>
            {
                lhs.Pattern(typeof(PatientStatus), "patient");
                lhs.Pattern(typeof(SessionPlan), "plan");
                lhs.Pattern(typeof(SpineStatus), "spine");
                lhs.Pattern(typeof(SessionDay), "day");
                lhs.Pattern(typeof(PlanWork), "planWork");
            },
            (Expression<Action<IContext, PatientStatus, SessionPlan, SpineStatus, SessionDay, PlanWork>>)((ctx, patient, plan, spine, day, planWork) =>
                ctx.Insert(new CaseFacts(patient, plan, spine, day, planWork))));

        yield return Rule(
            Prefix + "item work",
            lhs =>
            {
                lhs.Pattern(typeof(CaseFacts), "facts");
                lhs.Pattern(typeof(IndexedItem), "item");
            },
            (Expression<Action<IContext, CaseFacts, IndexedItem>>)((ctx, facts, item) => ctx.Insert(new ItemWork(facts, item.Index, item.Item))));

        yield return Rule(
            Prefix + "plan work",
            lhs => lhs.Pattern(typeof(SessionPlan), "plan"),
            (Expression<Action<IContext, SessionPlan>>)((ctx, plan) => ctx.Insert(Derived.Work(plan))));

        yield return Rule(
            Prefix + "session day as planned",
            lhs =>
            {
                lhs.Pattern(typeof(PatientStatus), "patient");
                lhs.Pattern(typeof(SessionPlan), "plan")
                    .Condition((Expression<Func<PatientStatus, SessionPlan, bool>>)((patient, plan) => plan.SessionDate != null || patient.StatusConfirmedOn == null));
            },
            (Expression<Action<IContext, PatientStatus, SessionPlan>>)((ctx, patient, plan) => ctx.Insert(Derived.PlannedDay(patient, plan))));

        yield return Rule(
            Prefix + "session day is today",
            lhs =>
            {
                lhs.Pattern(typeof(PatientStatus), "patient");
                lhs.Pattern(typeof(SessionPlan), "plan")
                    .Condition((Expression<Func<PatientStatus, SessionPlan, bool>>)((patient, plan) => plan.SessionDate == null && patient.StatusConfirmedOn != null));
                lhs.Pattern(typeof(SessionClock), "clock");
            },
            (Expression<Action<IContext, PatientStatus, SessionClock>>)((ctx, patient, clock) => ctx.Insert(Derived.Today(patient, clock))));

        // A finding of a rule withheld above a severity is marked when another finding is more severe on the same item,
        // or about the whole plan (for item advice below a warning), or (for a rule about the whole plan) anywhere. Findings are never retracted, so the
        // order in which they arrive does not matter.
        var withhold = new RuleBuilder();
        withhold.Name(Withhold);
        var group = withhold.LeftHandSide();
        group.Pattern(typeof(Finding), "f").Condition((Expression<Func<Finding, bool>>)(f => f.Withholdable));
        // An item's advice at warning or above stays beside a stop about the whole plan: it is still true once the stop
        // is cleared.
        group.Exists().Pattern(typeof(Finding), "g").Condition((Expression<Func<Finding, Finding, bool>>)((f, g) =>
            g != f && (int)g.Severity > f.SilentAbove
            && (f.Item < 0 || g.Item == f.Item || (g.Item < 0 && f.Severity < Severity.Warning))));
        withhold.RightHandSide().Action((Expression<Action<IContext, Finding>>)((ctx, f) => Derived.MarkWithheld(f)));
        yield return withhold.Build();
    }

    private static IRuleDefinition Rule(string name, Action<GroupBuilder> lhs, LambdaExpression action)
    {
        var builder = new RuleBuilder();
        builder.Name(name);
        builder.Priority(InferencePriority);
        lhs(builder.LeftHandSide());
        builder.RightHandSide().Action(action);
        return builder.Build();
    }

    /// <summary>The derived facts, made by the inference rules' actions.</summary>
    internal static class Derived
    {
        public static SpineStatus RecordedSpine(PatientStatus patient) => new(
            patient.Ankylosis,
            patient.RestrictedSpinalMotion,
            patient.AnkylosedRegions,
            patient.Ankylosis switch
            {
                AnkylosisStatus.Present => "spine treated as fused: ankylosis recorded as present" + Regions(patient, "; fused: the "),
                AnkylosisStatus.Absent => "ankylosis recorded as absent",
                _ when patient.RestrictedSpinalMotion == Answer.Yes =>
                    "spine treated as fused: the ankylosis status is unknown and spinal motion is restricted",
                _ => "spine possibly fused: the ankylosis status is unknown",
            });

        public static SpineStatus SpineFromRegions(PatientStatus patient) => new(
            AnkylosisStatus.Present,
            patient.RestrictedSpinalMotion,
            patient.AnkylosedRegions,
            "ankylosis treated as present: the" + Regions(patient, " ") + " listed as fused");

        public static PlanWork Work(SessionPlan plan)
        {
            var (anyAggressive, allGentle, allLightByHand) = (false, true, true);
            foreach (var item in plan.Items)
            {
                anyAggressive |= Terms.IsAggressive(item);
                allGentle &= Terms.IsGentle(item);
                allLightByHand &= Terms.IsLightByHand(item);
            }

            return new PlanWork(anyAggressive, allGentle, allLightByHand);
        }

        public static SessionDay PlannedDay(PatientStatus patient, SessionPlan plan) => new(
            plan.SessionDate,
            patient.StatusConfirmedOn,
            plan.SessionDate is null ? "no session date and no status date given" : "session date as planned");

        public static SessionDay Today(PatientStatus patient, SessionClock clock) => new(
            clock.Today(),
            patient.StatusConfirmedOn,
            "no session date given: the session is taken to be today");

        public static void MarkWithheld(Finding finding) => finding.Withheld = true;

        private static string Regions(PatientStatus patient, string lead) =>
            patient.AnkylosedRegions.Count == 0 ? "" : lead + string.Join(", ", patient.AnkylosedRegions.Select(r => Words.Of(r)));
    }
}
