using System.Text.Json;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;
using static AsMassageAdvisor.Knowledge.KnowledgeJson;

namespace AsMassageAdvisor.Knowledge;

/// <summary>Reads what a rule of a knowledge file asks to change in a plan item (<see cref="RuleChange"/>).</summary>
internal static class RuleChangeReader
{
    internal static readonly string[] ChangeFields = ["action", "technique", "pressure"];

    // What a rule asks to change: remove; lighten to a pressure; replace by a technique at no more than a pressure.
    public static RuleChange? Read(JsonElement element, string at, RuleScope scope, KnowledgeProblems problems)
    {
        if (Fields(element, at, ChangeFields, problems) is not { } f)
        {
            return null;
        }

        var count = problems.Count;
        if (scope != RuleScope.Item)
        {
            problems.Add(at, $"only an item rule can ask for a change of plan");
        }

        var action = EnumValue<ChangeAction>(f, "action", at, problems);
        Technique? technique = f.ContainsKey("technique") ? EnumValue<Technique>(f, "technique", at, problems) : null;
        Pressure? pressure = f.ContainsKey("pressure") ? EnumValue<Pressure>(f, "pressure", at, problems) : null;
        if (pressure == Pressure.Unknown)
        {
            problems.Add($"{at}.pressure", $"a change must state a pressure");
        }

        switch (action)
        {
            case ChangeAction.Remove when technique is not null || pressure is not null:
                problems.Add(at, $"'remove' takes neither a technique nor a pressure");
                break;
            case ChangeAction.Lighten when technique is not null || pressure is null:
                problems.Add(at, $"'lighten' takes a pressure and no technique");
                break;
            case ChangeAction.Replace when technique is null || pressure is null:
                problems.Add(at, $"'replace' takes a technique and a pressure");
                break;
        }

        return problems.Count == count ? new RuleChange(action, technique, pressure) : null;
    }
}
