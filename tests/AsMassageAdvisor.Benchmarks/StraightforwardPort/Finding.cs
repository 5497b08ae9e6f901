using AsMassageAdvisor.Advice;

namespace AsMassageAdvisor.Benchmarks.StraightforwardRules;

/// <summary>What a rule's action inserts when it fires: the rule, its severity and, for an item rule, the item.</summary>
/// <param name="Code">The rule's code, such as ASM-001.</param>
/// <param name="Severity">The rule's severity, copied from the rule file.</param>
/// <param name="Item">The index of the plan item it fired on; null for a rule about the patient or the plan as a whole.</param>
public sealed record Finding(string Code, Severity Severity, int? Item);
