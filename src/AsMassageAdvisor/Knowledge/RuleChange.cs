using System.Text.Json.Serialization;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Knowledge;

/// <summary>
/// The change of plan an item rule asks for, as data in the rule file: remove the item; lighten it to a pressure
/// ceiling (deep-tissue work becomes kneading, and self-massage with a tool, which has no lighter form, is left
/// out); or replace its technique by a gentler one on the same region, at no more
/// than a pressure ceiling.
/// </summary>
/// <param name="Action">What the rule asks for.</param>
/// <param name="Technique">For <see cref="ChangeAction.Replace"/>: the technique to use instead.</param>
/// <param name="Pressure">For <see cref="ChangeAction.Lighten"/> and <see cref="ChangeAction.Replace"/>: the highest pressure.</param>
public sealed record RuleChange(
    ChangeAction Action,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Technique? Technique = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Pressure? Pressure = null);
