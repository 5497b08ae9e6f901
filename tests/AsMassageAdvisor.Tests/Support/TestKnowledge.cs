using System.Text;
using System.Text.Json.Nodes;
using AsMassageAdvisor.Knowledge;

namespace AsMassageAdvisor.Tests.Support;

/// <summary>The built-in rule and source files as text, and ways to make altered copies for tests.</summary>
internal static class TestKnowledge
{
    public static string RulesJson { get; } = Resource("AsMassageAdvisor.Knowledge.rules.json");

    public static string SourcesJson { get; } = Resource("AsMassageAdvisor.Knowledge.sources.json");

    /// <summary>The built-in knowledge base read from its embedded JSON files by the strict reader, as a clinic's would be.</summary>
    public static KnowledgeBase BuiltInFromFiles() => KnowledgeBase.Load(RulesJson, SourcesJson);

    /// <summary>The built-in rule file with one change made to its parsed tree.</summary>
    public static string AlterRules(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(RulesJson)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    /// <summary>The rule object with the given code inside a parsed rule file.</summary>
    public static JsonObject Rule(JsonObject root, string code) =>
        root["workflow"]!["Rules"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["RuleName"] == code);

    /// <summary>A knowledge base of the built-in one plus one extra rule.</summary>
    public static KnowledgeBase WithExtraRule(string code, string scope, string severity, string expression, string status = "production")
    {
        var json = AlterRules(root =>
        {
            var rule = Rule(root, "ASM-007").DeepClone().AsObject();
            rule["RuleName"] = code;
            rule["Expression"] = expression;
            var props = rule["Properties"]!.AsObject();
            props["code"] = code;
            props["scope"] = scope;
            props["severity"] = severity;
            props["status"] = status;
            props["triggers"] = scope == "item" ? new JsonArray("painfulTechniques", "item") : new JsonArray("painfulTechniques");
            props.Remove("silentAbove");
            if (scope != "item")
            {
                props.Remove("change");
            }

            root["workflow"]!["Rules"]!.AsArray().Add(rule);
        });
        return KnowledgeBase.Load(json, SourcesJson, status == "production" ? null : [RuleStatus.Production, Enum.Parse<RuleStatus>(status, ignoreCase: true)]);
    }

    private static string Resource(string name)
    {
        using var stream = typeof(KnowledgeBase).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
