using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AsMassageAdvisor.Reading;

/// <summary>
/// The strict-reading core shared by every reader of JSON input (the request, the rule and source files, the CDS
/// Hooks request and feedback): an object's fields with unknown fields (with a "did you mean" hint) and repeated
/// fields reported, type checks, and every problem collected with its path and code instead of stopping at the first.
/// </summary>
internal sealed class StrictJson
{
    private readonly int _maxErrors;
    private readonly Action<InputError>? _sink;
    private int _unlisted;

    /// <param name="maxErrors">
    /// The most problems listed one by one; beyond it they are only counted, so that no input can make the report huge.
    /// </param>
    /// <param name="sink">
    /// Where problems go instead of <see cref="Errors"/>, for a reader that keeps its problems in a form of its own.
    /// </param>
    public StrictJson(int maxErrors = int.MaxValue, Action<InputError>? sink = null)
    {
        _maxErrors = maxErrors;
        _sink = sink;
    }

    /// <summary>The problems found, in the order found.</summary>
    public List<InputError> Errors { get; } = [];

    /// <summary>Call once reading is done: adds the count of problems not listed, if any.</summary>
    public void Finish()
    {
        if (_unlisted > 0)
        {
            Errors.Add(new InputError("$", $"and {_unlisted} more problem{(_unlisted == 1 ? "" : "s")} not listed", InputErrorCodes.TooMany));
            _unlisted = 0;
        }
    }

    /// <summary>Records a problem, or only counts it once the list is full.</summary>
    public void Report(string path, string code, string message)
    {
        if (_sink is not null)
        {
            _sink(new InputError(path, message, code));
        }
        else if (Errors.Count < _maxErrors)
        {
            Errors.Add(new InputError(path, message, code));
        }
        else
        {
            _unlisted++;
        }
    }

    /// <summary>
    /// An object's known fields, in the order of <paramref name="known"/> so that errors and results never depend
    /// on the input's field order; or null when the value is not an object. Unknown and repeated fields are reported.
    /// </summary>
    /// <param name="element">The value.</param>
    /// <param name="path">Its path.</param>
    /// <param name="known">The fields allowed here.</param>
    /// <param name="notAnObject">The message when the value is not an object; by default it names what it is.</param>
    public Dictionary<string, JsonElement>? Object(JsonElement element, string path, IReadOnlyList<string> known, string? notAnObject = null)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Report(path, InputErrorCodes.WrongType, notAnObject ?? $"must be an object, not {Kind(element)}");
            return null;
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!TryText(() => property.Name, out var name))
            {
                Report(path, InputErrorCodes.InvalidUtf8, "has a field name that is not valid text (an unpaired surrogate escape such as \\ud800)");
                continue;
            }

            var at = Member(path, name);
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                // Past the listed problems only the count matters: skip the hint, which is the costly part.
                if (Errors.Count >= _maxErrors)
                {
                    _unlisted++;
                    continue;
                }

                var hint = Suggest(name, known);
                Report(at, InputErrorCodes.UnknownField, "unknown field" + (hint is null ? "" : $"; did you mean '{hint}'?")
                    + " Allowed here: " + string.Join(", ", known));
            }
            else if (!fields.TryAdd(name, property.Value))
            {
                Report(at, InputErrorCodes.DuplicateField, "appears more than once");
            }
        }

        return known.Where(fields.ContainsKey).ToDictionary(k => k, k => fields[k], StringComparer.Ordinal);
    }

    /// <summary>Whether the value is an array of at most <paramref name="maxLength"/> entries; reports it when not.</summary>
    public bool Array(JsonElement element, string path, int maxLength, string? notAnArray = null)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Report(path, InputErrorCodes.WrongType, notAnArray ?? $"must be an array, not {Kind(element)}");
            return false;
        }

        if (element.GetArrayLength() > maxLength)
        {
            Report(path, InputErrorCodes.TooMany, $"has {element.GetArrayLength()} entries; at most {maxLength} are allowed");
            return false;
        }

        return true;
    }

    /// <summary>The path of an array entry.</summary>
    public static string Index(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>
    /// The path of a member: dotted for ordinary names, bracketed and escaped for anything else, so that a name can
    /// never inject line breaks or control codes into an error report.
    /// </summary>
    public static string Member(string path, string name) =>
        name.Length is > 0 and <= 64 && name.All(char.IsAsciiLetterOrDigit)
            ? path + "." + name
            : $"{path}['{Printable(name)}']";

    /// <summary>What a value is, in words, for "must be X, not Y".</summary>
    public static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null (leave the field out when it is unknown)",
        _ => "nothing",
    };

    /// <summary>A JSON string may hold an escaped unpaired surrogate, which cannot become .NET text.</summary>
    public static bool TryText(Func<string?> read, out string text)
    {
        try
        {
            text = read() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>Input text made safe to show: at most 40 characters, control and format characters escaped.</summary>
    public static string Printable(string text)
    {
        var shown = text.Length <= 40 ? text : text[..40];
        var builder = new StringBuilder(shown.Length + 8);
        foreach (var c in shown)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else if (c is '\'' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else
            {
                builder.Append(c);
            }
        }

        return text.Length <= 40 ? builder.ToString() : builder.Append('…').ToString();
    }

    /// <summary>The known name nearest to a misspelt one, if it is near enough to be the likely intent.</summary>
    public static string? Suggest(string name, IReadOnlyList<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
    }

    // Levenshtein distance, for "did you mean" hints; names are short, so the quadratic cost is nothing.
    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
