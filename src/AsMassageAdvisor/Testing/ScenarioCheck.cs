using System.Globalization;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Testing;

/// <summary>
/// The checks behind both scenario files and the fluent helper, each giving the failure in words (what was expected,
/// what happened) or null when it holds, so that a file and a test written in code fail with the same words.
/// </summary>
internal static class ScenarioCheck
{
    /// <summary>Every expectation of a scenario that does not hold, in the order written: decisions, then firings, then silences.</summary>
    public static List<string> Failures(RuleScenario scenario, Assessment assessment, Action<string>? firedHeld = null, Action<string>? silentHeld = null)
    {
        var failures = new List<string>();
        Add(failures, scenario.Decision is { } decision ? Decision(assessment, decision) : null);
        Add(failures, scenario.SaferPlanDecision is { } safer ? SaferPlanDecision(assessment, safer) : null);
        foreach (var firing in scenario.Fires)
        {
            var count = failures.Count;
            failures.AddRange(Fired(assessment, firing));
            if (failures.Count == count)
            {
                firedHeld?.Invoke(firing.Rule);
            }
        }

        foreach (var code in scenario.Silent)
        {
            if (!Add(failures, Silent(assessment, code)))
            {
                silentHeld?.Invoke(code);
            }
        }

        return failures;
    }

    /// <summary>Every way an advisory of the assessment fails one expected firing; empty when it holds.</summary>
    public static IEnumerable<string> Fired(Assessment assessment, ExpectedFiring firing)
    {
        if (Fires(assessment, firing.Rule, out var advisory) is { } missing)
        {
            return [missing];
        }

        var failures = new List<string>();
        Add(failures, firing.Items is { } items ? Items(advisory!, items) : null);
        Add(failures, firing.Severity is { } severity ? Severity(advisory!, severity) : null);
        Add(failures, firing.AtLeast is { } least ? AtLeast(advisory!, least) : null);
        failures.AddRange(firing.Triggers.Select(pattern => Trigger(advisory!, pattern)).OfType<string>());
        return failures;
    }

    public static string? Decision(Assessment assessment, Decision expected) => assessment.Decision == expected
        ? null
        : $"the decision should be {JsonNames.Of(expected)}: it is {JsonNames.Of(assessment.Decision)}";

    public static string? SaferPlanDecision(Assessment assessment, Decision expected) => assessment.SaferPlan switch
    {
        null => $"the safer plan's decision should be {JsonNames.Of(expected)}: there is no safer plan (the decision is {JsonNames.Of(assessment.Decision)})",
        { Decision: var d } when d != expected => $"the safer plan's decision should be {JsonNames.Of(expected)}: it is {JsonNames.Of(d)}",
        _ => null,
    };

    /// <summary>Null, with the advisory, when the rule fired on its condition; otherwise why not.</summary>
    public static string? Fires(Assessment assessment, string code, out Advisory? advisory)
    {
        advisory = assessment.Advisories.FirstOrDefault(a => a.Code == code);
        return advisory switch
        {
            null => $"{code} should fire: it stayed silent",
            { Indeterminate: true } => $"{code} should fire: it was issued only because it could not be evaluated (indeterminate)",
            _ => null,
        };
    }

    public static string? Silent(Assessment assessment, string code) =>
        assessment.Advisories.FirstOrDefault(a => a.Code == code) is { } advisory
            ? $"{code} should stay silent: it fired ({Describe(advisory)})"
            : null;

    public static string? Items(Advisory advisory, IReadOnlyList<int> expected) => advisory.Items.SequenceEqual(expected)
        ? null
        : $"{advisory.Code} should fire on {ItemList(expected)}: it fired on {ItemList(advisory.Items)}";

    public static string? Item(Advisory advisory, int index) => advisory.Items.Contains(index)
        ? null
        : $"{advisory.Code} should fire on item {index.ToString(CultureInfo.InvariantCulture)}: it fired on {ItemList(advisory.Items)}";

    public static string? Severity(Advisory advisory, Severity expected) => advisory.Severity == expected
        ? null
        : $"{advisory.Code} should be {JsonNames.Of(expected)}: it is {JsonNames.Of(advisory.Severity)}";

    public static string? AtLeast(Advisory advisory, Severity least) => advisory.Severity >= least
        ? null
        : $"{advisory.Code} should be at least {JsonNames.Of(least)}: it is {JsonNames.Of(advisory.Severity)}";

    public static string? Trigger(Advisory advisory, string pattern) => advisory.Triggers.Any(t => Matches(t, pattern))
        ? null
        : $"{advisory.Code} should have a trigger matching \"{pattern}\": its triggers are {string.Join("; ", advisory.Triggers.Select(t => $"\"{t}\""))}";

    /// <summary>The assessment in a few lines, for a failure message: the decision, each advisory, the safer plan's decision.</summary>
    public static string Show(Assessment assessment)
    {
        var lines = new List<string> { $"the assessment: decision {JsonNames.Of(assessment.Decision)}, {assessment.Advisories.Count} advisor{(assessment.Advisories.Count == 1 ? "y" : "ies")}" };
        lines.AddRange(assessment.Advisories.Select(a => $"  {a.Code} {Describe(a)}: {string.Join("; ", a.Triggers)}"));
        if (assessment.SaferPlan is { } safer)
        {
            lines.Add($"  safer plan: decision {JsonNames.Of(safer.Decision)}");
        }

        return string.Join("\n", lines);
    }

    /// <summary>Whether a text matches a pattern in which <c>*</c> stands for any text and <c>?</c> for one character.</summary>
    public static bool Matches(string text, string pattern)
    {
        // The classic two-pointer wildcard match: linear in practice, and no regular expression to time out.
        int t = 0, p = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                t++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static string Describe(Advisory advisory) =>
        JsonNames.Of(advisory.Severity) + (advisory.Items.Count > 0 ? ", " + ItemList(advisory.Items) : "") + (advisory.Indeterminate ? ", indeterminate" : "");

    private static string ItemList(IReadOnlyList<int> items) => items.Count switch
    {
        0 => "the session as a whole (no items)",
        1 => $"item {items[0].ToString(CultureInfo.InvariantCulture)}",
        _ => "items " + string.Join(", ", items.Select(i => i.ToString(CultureInfo.InvariantCulture))),
    };

    private static bool Add(List<string> failures, string? failure)
    {
        if (failure is not null)
        {
            failures.Add(failure);
        }

        return failure is not null;
    }
}
