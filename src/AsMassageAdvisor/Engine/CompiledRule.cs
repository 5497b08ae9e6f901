using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Engine;

/// <summary>
/// One built-in rule compiled to C# at build time (<c>BuiltInRules</c>, generated from <c>Knowledge/rules.json</c>):
/// its code, the exact expression text it was generated from, and its condition as a typed delegate, one of the two
/// by the rule's scope. Used only for rules whose code and expression text match, from a rule file with the hash
/// the code was generated from; anything else is parsed by RulesEngine.
/// </summary>
internal sealed record CompiledRule(
    string Code,
    string Expression,
    Func<PatientStatus, SessionPlan, bool>? PatientCheck,
    Func<PatientStatus, SessionPlan, PlanItem, bool>? ItemCheck);
