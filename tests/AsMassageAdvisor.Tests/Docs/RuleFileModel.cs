using System.Text.Json.Serialization;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Docs;

/// <summary>
/// The rule file's format as types, for its JSON Schema: the built-in rules.json and a clinic's rule file (which
/// adds <c>sources</c>). The reader (KnowledgeFileReader) stays the authority on meaning; a test holds every field
/// of these types to be one the reader accepts, and every bundled rule file to validate.
/// </summary>
public static class RuleFileModel
{
    /// <summary>A rule file.</summary>
    public sealed record File(
        string KnowledgeBase,
        string Version,
        IReadOnlyList<Requirement> Requirements,
        Workflow Workflow,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SourceEntry>? Sources = null);

    /// <summary>A requirement the rules trace to.</summary>
    public sealed record Requirement(string Id, string Summary, string Origin);

    /// <summary>A source of a clinic rule file, in the format of the built-in source catalogue.</summary>
    public sealed record SourceEntry(
        string Id,
        string Label,
        string? Doi,
        string Kind,
        IReadOnlyList<string> Sections,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? SectionNotes = null);

    /// <summary>The Microsoft RulesEngine workflow, with RulesEngine's own field names.</summary>
    public sealed record Workflow(
        [property: JsonPropertyName("WorkflowName")] string WorkflowName,
        [property: JsonPropertyName("Rules")] IReadOnlyList<Rule> Rules);

    /// <summary>One rule: its expression, and its clinical metadata in <c>Properties</c>.</summary>
    public sealed record Rule(
        [property: JsonPropertyName("RuleName")] string RuleName,
        [property: JsonPropertyName("Expression")] string Expression,
        [property: JsonPropertyName("Properties")] Properties Properties,
        [property: JsonPropertyName("RuleExpressionType")] string? RuleExpressionType = null);

    /// <summary>A rule's clinical metadata.</summary>
    public sealed record Properties(
        string Code,
        IReadOnlyList<string> Requirements,
        RuleScope Scope,
        Severity Severity,
        Basis Basis,
        string Title,
        string When,
        string Message,
        IReadOnlyList<string> Triggers,
        IReadOnlyList<Citation> Citations,
        RuleStatus Status,
        string Version,
        DateOnly LastReviewed,
        Severity? SilentAbove = null,
        Change? Change = null);

    /// <summary>A citation of a source, with the section and the evidence level.</summary>
    public sealed record Citation(string Source, string Section, Evidence Evidence);

    /// <summary>The change of plan an item rule asks for.</summary>
    public sealed record Change(ChangeAction Action, Technique? Technique = null, Pressure? Pressure = null);
}
