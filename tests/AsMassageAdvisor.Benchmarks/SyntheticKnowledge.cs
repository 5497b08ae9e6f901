using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using AsMassageAdvisor.Knowledge;

namespace AsMassageAdvisor.Benchmarks;

/// <summary>
/// Synthetic knowledge bases of any size for the scaling benchmarks: the shipped rules repeated under new
/// codes, each copy with its own constant folded into the expression so that no two rules are the same.
/// </summary>
public static class SyntheticKnowledge
{
    public static string RulesJson { get; } = Resource("AsMassageAdvisor.Knowledge.rules.json");

    public static string SourcesJson { get; } = Resource("AsMassageAdvisor.Knowledge.sources.json");

    public static string Rules(int count)
    {
        var root = JsonNode.Parse(RulesJson)!.AsObject();
        var shipped = root["workflow"]!["Rules"]!.AsArray().Select(r => r!.DeepClone().AsObject()).ToArray();
        var rules = new JsonArray();
        for (var n = 0; n < count; n++)
        {
            var rule = shipped[n % shipped.Length].DeepClone().AsObject();
            var code = "SYN-" + n.ToString("D5", CultureInfo.InvariantCulture);
            rule["RuleName"] = code;
            rule["Properties"]!["code"] = code;
            if (n >= shipped.Length)
            {
                rule["Expression"] = $"({rule["Expression"]}) && plan.Items.Count < {1000 + n}";
            }

            rules.Add(rule);
        }

        root["workflow"]!["Rules"] = rules;
        return root.ToJsonString();
    }

    public static KnowledgeBase Load(int count) => KnowledgeBase.Load(Rules(count), SourcesJson);

    private static string Resource(string name)
    {
        using var stream = typeof(KnowledgeBase).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
