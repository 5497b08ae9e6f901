using System.Text.Json.Nodes;

namespace AsMassageAdvisor.Tests.Support;

/// <summary>The bundled example clinic rule file, and small clinic rule files made for one test.</summary>
internal static class ClinicRuleFiles
{
    public static string ExamplePath => RepositoryFiles.Path("docs", "examples", "clinic-rules.json");

    public static string Example => File.ReadAllText(ExamplePath);

    /// <summary>A clinic rule file holding one rule with the given expression.</summary>
    public static string WithRule(string expression, string scope = "patient", string severity = "caution", string code = "CLN-100") =>
        Alter(root =>
        {
            var rules = root["workflow"]!["Rules"]!.AsArray();
            var rule = rules[scope == "item" ? 1 : 0]!.DeepClone().AsObject();
            rules.Clear();
            rule["RuleName"] = code;
            rule["Expression"] = expression;
            var props = rule["Properties"]!.AsObject();
            props["code"] = code;
            props["severity"] = severity;
            props["requirements"] = new JsonArray("C01");
            rules.Add(rule);
            root["requirements"] = new JsonArray(root["requirements"]![0]!.DeepClone());
        });

    /// <summary>The example file with one change made to its parsed tree.</summary>
    public static string Alter(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Example)!.AsObject();
        change(root);
        return root.ToJsonString();
    }
}
