using System.Globalization;
using System.Text.Json;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Validation;

namespace AsMassageAdvisor.Reading;

/// <summary>
/// Walks a parsed request and builds the model, collecting every structural problem instead of
/// stopping at the first. Where a field is wrong, the model keeps that field's unknown default; the
/// caller never uses such a model, because the errors are reported instead.
/// </summary>
internal sealed class RequestTreeReader
{
    private static readonly string[] RootFields = ["patient", "plan"];

    private static readonly string[] PatientFields =
    [
        "diseaseActivity", "ankylosis", "ankylosedRegions", "restrictedSpinalMotion", "neurologicalSymptoms",
        "painfulTechniques", "nsaidResponse", "onTnfInhibitor", "providerConsulted", "smoker",
        "dietHighInFriedOrSugaryFoods", "painScore", "statusConfirmedOn",
    ];

    private static readonly string[] PlanFields = ["administeredBy", "therapistInformedOfCondition", "sessionDate", "goals", "items"];

    private static readonly string[] ItemFields = ["technique", "region", "pressure"];

    /// <summary>The most problems listed one by one; beyond it they are only counted, so that no input can make the report huge.</summary>
    public const int MaxErrors = 100;

    private int _unlisted;

    /// <summary>The problems found, at most <see cref="MaxErrors"/> of them, then one line counting the rest.</summary>
    public List<InputError> Errors { get; } = [];

    /// <summary>Call once reading is done: adds the count of problems not listed, if any.</summary>
    public void Finish()
    {
        if (_unlisted > 0)
        {
            Errors.Add(new InputError("$", $"and {_unlisted} more problem{(_unlisted == 1 ? "" : "s")} not listed"));
        }
    }

    private void Report(InputError error)
    {
        if (Errors.Count < MaxErrors)
        {
            Errors.Add(error);
        }
        else
        {
            _unlisted++;
        }
    }

    public AssessmentRequest Read(JsonElement root)
    {
        var patient = new PatientStatus();
        var plan = new SessionPlan();
        var fields = ReadObject(root, "$", RootFields);
        if (fields is null)
        {
            return new AssessmentRequest(patient, plan);
        }

        if (fields.TryGetValue("patient", out var p))
        {
            patient = ReadPatient(p, "$.patient");
        }
        else
        {
            Report(new InputError("$.patient", "is required (use {} when nothing is known)"));
        }

        if (fields.TryGetValue("plan", out var s))
        {
            plan = ReadPlan(s, "$.plan");
        }
        else
        {
            Report(new InputError("$.plan", "is required"));
        }

        return new AssessmentRequest(patient, plan);
    }

    private PatientStatus ReadPatient(JsonElement element, string path)
    {
        var patient = new PatientStatus();
        var fields = ReadObject(element, path, PatientFields);
        if (fields is null)
        {
            return patient;
        }

        foreach (var (name, value) in fields)
        {
            var at = path + "." + name;
            patient = name switch
            {
                "diseaseActivity" => patient with { DiseaseActivity = ReadEnum<DiseaseActivity>(value, at) },
                "ankylosis" => patient with { Ankylosis = ReadEnum<AnkylosisStatus>(value, at) },
                "ankylosedRegions" => patient with { AnkylosedRegions = ReadEnumList<BodyRegion>(value, at, RequestLimits.MaxListLength) },
                "restrictedSpinalMotion" => patient with { RestrictedSpinalMotion = ReadEnum<Answer>(value, at) },
                "neurologicalSymptoms" => patient with { NeurologicalSymptoms = ReadEnumList<NeurologicalSymptom>(value, at, RequestLimits.MaxListLength) },
                "painfulTechniques" => patient with { PainfulTechniques = ReadEnumList<Technique>(value, at, RequestLimits.MaxListLength) },
                "nsaidResponse" => patient with { NsaidResponse = ReadEnum<NsaidResponse>(value, at) },
                "onTnfInhibitor" => patient with { OnTnfInhibitor = ReadEnum<Answer>(value, at) },
                "providerConsulted" => patient with { ProviderConsulted = ReadEnum<Answer>(value, at) },
                "smoker" => patient with { Smoker = ReadEnum<Answer>(value, at) },
                "dietHighInFriedOrSugaryFoods" => patient with { DietHighInFriedOrSugaryFoods = ReadEnum<Answer>(value, at) },
                "painScore" => patient with { PainScore = ReadInteger(value, at) },
                "statusConfirmedOn" => patient with { StatusConfirmedOn = ReadDate(value, at) },
                _ => throw new InvalidOperationException("unreachable: field list and switch disagree on " + name),
            };
        }

        return patient;
    }

    private SessionPlan ReadPlan(JsonElement element, string path)
    {
        var plan = new SessionPlan();
        var fields = ReadObject(element, path, PlanFields);
        if (fields is null)
        {
            return plan;
        }

        foreach (var (name, value) in fields)
        {
            var at = path + "." + name;
            plan = name switch
            {
                "administeredBy" => plan with { AdministeredBy = ReadEnum<Administrator>(value, at) },
                "therapistInformedOfCondition" => plan with { TherapistInformedOfCondition = ReadEnum<Answer>(value, at) },
                "sessionDate" => plan with { SessionDate = ReadDate(value, at) },
                "goals" => plan with { Goals = ReadEnumList<SessionGoal>(value, at, RequestLimits.MaxListLength) },
                "items" => plan with { Items = ReadItems(value, at) },
                _ => throw new InvalidOperationException("unreachable: field list and switch disagree on " + name),
            };
        }

        if (!fields.ContainsKey("items"))
        {
            Report(new InputError(path + ".items", "is required: a plan needs at least one item"));
        }

        return plan;
    }

    private PlanItem[] ReadItems(JsonElement element, string path)
    {
        if (!IsArray(element, path, RequestLimits.MaxItems))
        {
            return [];
        }

        var items = new List<PlanItem>();
        var index = 0;
        foreach (var entry in element.EnumerateArray())
        {
            var at = $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";
            index++;
            var fields = ReadObject(entry, at, ItemFields);
            if (fields is null)
            {
                continue;
            }

            Technique? technique = null;
            BodyRegion? region = null;
            var pressure = Pressure.Unknown;
            if (fields.TryGetValue("technique", out var t))
            {
                technique = ReadRequiredEnum<Technique>(t, at + ".technique");
            }
            else
            {
                Report(new InputError(at + ".technique", "is required"));
            }

            if (fields.TryGetValue("region", out var r))
            {
                region = ReadRequiredEnum<BodyRegion>(r, at + ".region");
            }
            else
            {
                Report(new InputError(at + ".region", "is required"));
            }

            if (fields.TryGetValue("pressure", out var pr))
            {
                pressure = ReadEnum<Pressure>(pr, at + ".pressure");
            }

            if (technique is { } tech && region is { } reg)
            {
                items.Add(new PlanItem(tech, reg, pressure));
            }
        }

        return [.. items];
    }

    /// <summary>Reads an object's fields, reporting the wrong type, unknown fields and repeated fields.</summary>
    private Dictionary<string, JsonElement>? ReadObject(JsonElement element, string path, string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Report(new InputError(path, $"must be an object, not {Kind(element)}"));
            return null;
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!TryText(() => property.Name, out var name))
            {
                Report(new InputError(path, "has a field name that is not valid text (an unpaired surrogate escape such as \\ud800)"));
                continue;
            }

            var at = Member(path, name);
            if (Array.IndexOf(known, name) < 0)
            {
                if (Errors.Count >= MaxErrors)
                {
                    _unlisted++;
                    continue;
                }

                var hint = Suggest(name, known);
                Report(new InputError(at, "unknown field" + (hint is null ? "" : $"; did you mean '{hint}'?")
                    + " Allowed here: " + string.Join(", ", known)));
            }
            else if (!fields.TryAdd(name, property.Value))
            {
                Report(new InputError(at, "appears more than once"));
            }
        }

        // Enumerated in the order of the known list, so that errors and results never depend on field order.
        return known.Where(fields.ContainsKey).ToDictionary(k => k, k => fields[k], StringComparer.Ordinal);
    }

    private TEnum ReadEnum<TEnum>(JsonElement element, string path)
        where TEnum : struct, Enum => ReadRequiredEnum<TEnum>(element, path) ?? default;

    private TEnum? ReadRequiredEnum<TEnum>(JsonElement element, string path)
        where TEnum : struct, Enum
    {
        var allowed = string.Join(", ", JsonNames.All<TEnum>());
        if (element.ValueKind != JsonValueKind.String)
        {
            Report(new InputError(path, $"must be a string, not {Kind(element)}; allowed values: {allowed}"));
            return null;
        }

        if (!TryText(element.GetString, out var text))
        {
            Report(new InputError(path, "is not valid text (an unpaired surrogate escape such as \\ud800); allowed values: " + allowed));
            return null;
        }

        if (JsonNames.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        Report(new InputError(path, $"'{Shorten(text)}' is not an allowed value; allowed values: {allowed}"));
        return null;
    }

    private TEnum[] ReadEnumList<TEnum>(JsonElement element, string path, int maxLength)
        where TEnum : struct, Enum
    {
        if (!IsArray(element, path, maxLength))
        {
            return [];
        }

        var values = new List<TEnum>();
        var index = 0;
        foreach (var entry in element.EnumerateArray())
        {
            if (ReadRequiredEnum<TEnum>(entry, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]") is { } value)
            {
                values.Add(value);
            }

            index++;
        }

        return [.. values];
    }

    private bool IsArray(JsonElement element, string path, int maxLength)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Report(new InputError(path, $"must be an array, not {Kind(element)}"));
            return false;
        }

        if (element.GetArrayLength() > maxLength)
        {
            Report(new InputError(path, $"has {element.GetArrayLength()} entries; at most {maxLength} are allowed"));
            return false;
        }

        return true;
    }

    private int? ReadInteger(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value))
        {
            return value;
        }

        Report(new InputError(path, element.ValueKind == JsonValueKind.Number
            ? $"must be a whole number, not {Shorten(element.GetRawText())}"
            : $"must be a whole number, not {Kind(element)}"));
        return null;
    }

    private DateOnly? ReadDate(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            Report(new InputError(path, $"must be a date written as \"YYYY-MM-DD\", not {Kind(element)}"));
            return null;
        }

        if (!TryText(element.GetString, out var text))
        {
            Report(new InputError(path, "is not valid text (an unpaired surrogate escape such as \\ud800); write the date as YYYY-MM-DD"));
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Report(new InputError(path, $"'{Shorten(text)}' is not a date; write it as YYYY-MM-DD"));
        return null;
    }

    // A JSON string may hold an escaped unpaired surrogate, which cannot become .NET text.
    private static bool TryText(Func<string?> read, out string text)
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

    // The path of a member: dotted for ordinary names, bracketed and escaped for anything else, so that a
    // name can never inject line breaks or control codes into an error report.
    private static string Member(string path, string name) =>
        name.Length is > 0 and <= 64 && name.All(char.IsAsciiLetterOrDigit)
            ? path + "." + name
            : $"{path}['{Printable(name)}']";

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null (leave the field out when it is unknown)",
        _ => "nothing",
    };

    private static string Shorten(string text) => Printable(text);

    /// <summary>Input text made safe to show: at most 40 characters, control and format characters escaped.</summary>
    internal static string Printable(string text)
    {
        var shown = text.Length <= 40 ? text : text[..40];
        var builder = new System.Text.StringBuilder(shown.Length + 8);
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

    private static string? Suggest(string name, string[] known)
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
