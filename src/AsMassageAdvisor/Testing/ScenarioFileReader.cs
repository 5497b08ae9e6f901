using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Testing;

/// <summary>
/// Reads a scenario file strictly, as the request reader reads a request: unknown and repeated fields, wrong types and
/// values, and every request that does not validate are reported together, each with its JSON path in the scenario file.
/// </summary>
internal sealed class ScenarioFileReader
{
    private const int MaxScenarios = 10_000;
    private const int MaxListLength = 256;
    private const int MaxDepth = 64;

    private static readonly string[] RootNames = ["$schema", "rules", "base", "scenarios"];
    private static readonly string[] ScenarioNames = ["name", "today", "request", "expect"];
    private static readonly string[] ExpectNames = ["decision", "saferPlanDecision", "fires", "silent"];
    private static readonly string[] FiringNames = ["rule", "items", "severity", "atLeast", "triggers"];

    private readonly string _path;
    private readonly string _directory;
    private readonly StrictJson _json = new(maxErrors: 100);

    public ScenarioFileReader(string path)
    {
        _path = path;
        _directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
    }

    /// <summary>Reads no more than one byte past the limit, so that a huge file costs nothing and is still named too large.</summary>
    public static byte[] ReadAtMost(Stream stream, int maxBytes)
    {
        var buffer = new byte[maxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return buffer[..total];
    }

    public ScenarioFile Read(byte[] bytes)
    {
        if (Parse(bytes, ScenarioFile.MaxBytes, "$", "the scenario file") is not { } document)
        {
            throw Problems();
        }

        using (document)
        {
            var scenarios = new List<RuleScenario>();
            var names = new List<string?>();
            string? rules = null;
            if (_json.Object(document.RootElement, "$", RootNames) is { } root)
            {
                rules = root.TryGetValue("rules", out var r) ? Text(r, "$.rules") : null;
                var baseRequest = root.TryGetValue("base", out var b) ? BaseRequest(b, "$.base") : null;
                if (!root.TryGetValue("scenarios", out var list))
                {
                    _json.Report("$.scenarios", InputErrorCodes.Required, "is required: a scenario file holds at least one scenario");
                }
                else if (_json.Array(list, "$.scenarios", MaxScenarios))
                {
                    var index = 0;
                    foreach (var entry in list.EnumerateArray())
                    {
                        if (Scenario(entry, StrictJson.Index("$.scenarios", index++), baseRequest, names) is { } scenario)
                        {
                            scenarios.Add(scenario);
                        }
                    }

                    if (index == 0)
                    {
                        _json.Report("$.scenarios", InputErrorCodes.Required, "is empty: a scenario file holds at least one scenario");
                    }
                }
            }

            _json.Finish();
            return _json.Errors.Count > 0 ? throw Problems() : new ScenarioFile(_path, rules, scenarios.AsReadOnly());
        }
    }

    private ScenarioFileException Problems() => new([.. _json.Errors.Select(e => new ScenarioProblem(_path, e))]);

    // A byte-order mark is allowed; anything but UTF-8 JSON within the limits is one problem at the given path.
    private JsonDocument? Parse(byte[] bytes, int maxBytes, string path, string what)
    {
        if (bytes.Length > maxBytes)
        {
            _json.Report(path, InputErrorCodes.TooLarge, $"{what} is larger than {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes");
            return null;
        }

        var span = bytes.AsSpan();
        span = span.StartsWith("\uFEFF"u8) ? span[3..] : span;
        if (!Utf8.IsValid(span))
        {
            _json.Report(path, InputErrorCodes.InvalidUtf8, $"{what} is not valid UTF-8");
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(span.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth });
            return Duplicates(document.RootElement, path) ? Disposed(document) : document;
        }
        catch (JsonException ex)
        {
            _json.Report(path, InputErrorCodes.InvalidJson, $"{what} is not valid JSON: {ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}"
                + (ex.LineNumber is { } line ? $" (line {(line + 1).ToString(CultureInfo.InvariantCulture)})" : ""));
            return null;
        }
    }

    private static JsonDocument? Disposed(JsonDocument document)
    {
        document.Dispose();
        return null;
    }

    // A request is read twice (as part of the scenario and again on its own), so repeated fields are found first, once.
    private bool Duplicates(JsonElement element, string path)
    {
        var found = false;
        if (element.ValueKind == JsonValueKind.Object)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                if (!StrictJson.TryText(() => property.Name, out var name))
                {
                    continue;
                }

                var at = StrictJson.Member(path, name);
                if (!names.Add(name))
                {
                    _json.Report(at, InputErrorCodes.DuplicateField, "appears more than once");
                    found = true;
                }

                found |= Duplicates(property.Value, at);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var entry in element.EnumerateArray())
            {
                found |= Duplicates(entry, StrictJson.Index(path, index++));
            }
        }

        return found;
    }

    // The base request: an object, or the path of a request file; kept as a tree for each scenario to change.
    private JsonObject? BaseRequest(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return RequestFile(element, path) is { } document ? Disposing(document, d => JsonNode.Parse(d.RootElement.GetRawText()) as JsonObject) : null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            _json.Report(path, InputErrorCodes.WrongType, $"must be a request (an object) or the path of a request file, not {StrictJson.Kind(element)}");
            return null;
        }

        return Duplicates(element, path) ? null : JsonNode.Parse(element.GetRawText()) as JsonObject;
    }

    private static T Disposing<T>(JsonDocument document, Func<JsonDocument, T> use)
    {
        using (document)
        {
            return use(document);
        }
    }

    private JsonDocument? RequestFile(JsonElement element, string path)
    {
        var name = Text(element, path);
        if (name is null)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            using var stream = File.OpenRead(System.IO.Path.Combine(_directory, name));
            bytes = ReadAtMost(stream, AssessmentRequestJson.MaxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            _json.Report(path, InputErrorCodes.InvalidValue, $"the request file '{StrictJson.Printable(name)}' cannot be read: {ex.Message}");
            return null;
        }

        return Parse(bytes, AssessmentRequestJson.MaxBytes, path, $"the request file '{StrictJson.Printable(name)}'");
    }

    // The names of the scenarios before this one (null where a scenario has none) are in earlier; this one's is added.
    private RuleScenario? Scenario(JsonElement element, string path, JsonObject? baseRequest, List<string?> earlier)
    {
        if (_json.Object(element, path, ScenarioNames) is not { } fields)
        {
            earlier.Add(null);
            return null;
        }

        var name = Required(fields, "name", path) is { } n ? Text(n, path + ".name") : null;
        earlier.Add(name);
        if (name is not null && earlier.IndexOf(name) is var same && same < earlier.Count - 1)
        {
            _json.Report(path + ".name", InputErrorCodes.InvalidValue, $"'{StrictJson.Printable(name)}' is the name of another scenario ($.scenarios[{same.ToString(CultureInfo.InvariantCulture)}]); names must be unique in a file");
        }

        var today = fields.TryGetValue("today", out var t) ? Date(t, path + ".today") : null;
        var request = Required(fields, "request", path) is { } r ? Request(r, path + ".request", baseRequest) : null;
        var scenario = Required(fields, "expect", path) is { } e ? Expect(e, path + ".expect", request) : null;
        return name is null || request is null || scenario is null ? null : scenario with { Name = name, Request = request, Today = today, File = _path };
    }

    private JsonElement? Required(Dictionary<string, JsonElement> fields, string name, string path)
    {
        if (fields.TryGetValue(name, out var value))
        {
            return value;
        }

        _json.Report(path + "." + name, InputErrorCodes.Required, "is required");
        return null;
    }

    // A request written out, a request file's path, or (when the file has a base) changes to the base as a JSON Merge Patch.
    private AssessmentRequest? Request(JsonElement element, string path, JsonObject? baseRequest)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            if (RequestFile(element, path) is not { } document)
            {
                return null;
            }

            using (document)
            {
                return Validated(document.RootElement.GetRawText(), path, $" (in the request file '{StrictJson.Printable(element.GetString()!)}')");
            }
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            _json.Report(path, InputErrorCodes.WrongType, $"must be a request (an object) or the path of a request file, not {StrictJson.Kind(element)}");
            return null;
        }

        if (baseRequest is null)
        {
            return Validated(element.GetRawText(), path, "");
        }

        if (Duplicates(element, path))
        {
            return null;
        }

        var merged = MergePatch(baseRequest, JsonNode.Parse(element.GetRawText()));
        return Validated(merged!.ToJsonString(), path, " (the base with this scenario's changes)");
    }

    // RFC 7396: an object's members change the target's one by one (null removes one); any other value replaces it.
    internal static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject changes)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject o ? o.DeepClone().AsObject() : [];
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = MergePatch(result[name], value);
            }
        }

        return result;
    }

    private AssessmentRequest? Validated(string json, string path, string where)
    {
        try
        {
            return AssessmentRequestJson.Parse(json);
        }
        catch (InvalidRequestException ex)
        {
            foreach (var error in ex.Errors)
            {
                _json.Report(path + error.Path[1..], error.Code, error.Message + where);
            }

            return null;
        }
    }

    private RuleScenario? Expect(JsonElement element, string path, AssessmentRequest? request)
    {
        if (_json.Object(element, path, ExpectNames) is not { } fields)
        {
            return null;
        }

        if (fields.Count == 0)
        {
            _json.Report(path, InputErrorCodes.Required, "names nothing to check; give at least one of " + string.Join(", ", ExpectNames));
        }

        var decision = fields.TryGetValue("decision", out var d) ? Enum<Decision>(d, path + ".decision") : null;
        var safer = fields.TryGetValue("saferPlanDecision", out var s) ? Enum<Decision>(s, path + ".saferPlanDecision") : null;
        var fires = List(fields, "fires", path, (entry, at) => Firing(entry, at, request));
        var silentPaths = new List<string>();
        var silent = List(fields, "silent", path, (entry, at) =>
        {
            var code = Code(entry, at);
            if (code is not null)
            {
                silentPaths.Add(at);
                if (fires.Find(x => x.Rule == code) is { } both)
                {
                    _json.Report(at, InputErrorCodes.Contradiction, $"{code} is also expected to fire ({both.Path})");
                }
            }

            return code;
        });

        return new RuleScenario
        {
            Name = "",
            Request = request!,
            Decision = decision,
            SaferPlanDecision = safer,
            Fires = fires.AsReadOnly(),
            Silent = silent.AsReadOnly(),
            SilentPaths = silentPaths.AsReadOnly(),
        };
    }

    private ExpectedFiring? Firing(JsonElement element, string path, AssessmentRequest? request)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return Code(element, path) is { } code ? new ExpectedFiring { Rule = code, Path = path } : null;
        }

        if (_json.Object(element, path, FiringNames, $"must be a rule code or an object with {string.Join(", ", FiringNames)}, not {StrictJson.Kind(element)}") is not { } fields)
        {
            return null;
        }

        var rule = Required(fields, "rule", path) is { } r ? Code(r, path + ".rule") : null;
        var items = fields.TryGetValue("items", out var i) ? Items(i, path + ".items", request) : null;
        var severity = fields.TryGetValue("severity", out var s) ? Enum<Severity>(s, path + ".severity") : null;
        var atLeast = fields.TryGetValue("atLeast", out var a) ? Enum<Severity>(a, path + ".atLeast") : null;
        var triggers = List(fields, "triggers", path, Text);
        return rule is null ? null : new ExpectedFiring { Rule = rule, Items = items, Severity = severity, AtLeast = atLeast, Triggers = triggers.AsReadOnly(), Path = path + ".rule" };
    }

    // The entries of a list field read one by one, each problem at its index; the entries that could not be read are left out.
    private List<T> List<T>(Dictionary<string, JsonElement> fields, string name, string path, Func<JsonElement, string, T?> read)
        where T : class
    {
        var values = new List<T>();
        var at = path + "." + name;
        if (fields.TryGetValue(name, out var list) && _json.Array(list, at, MaxListLength))
        {
            var index = 0;
            foreach (var entry in list.EnumerateArray())
            {
                if (read(entry, StrictJson.Index(at, index++)) is { } value)
                {
                    values.Add(value);
                }
            }
        }

        return values;
    }

    private int[]? Items(JsonElement element, string path, AssessmentRequest? request)
    {
        if (!_json.Array(element, path, MaxListLength))
        {
            return null;
        }

        var items = new List<int>();
        var index = 0;
        foreach (var entry in element.EnumerateArray())
        {
            var at = StrictJson.Index(path, index++);
            if (entry.ValueKind != JsonValueKind.Number || !entry.TryGetInt32(out var item) || item < 0)
            {
                _json.Report(at, InputErrorCodes.WrongType, "must be a plan item's index, a whole number from 0");
            }
            else if (request is not null && item >= request.Plan.Items.Count)
            {
                _json.Report(at, InputErrorCodes.OutOfRange, $"the request's plan has {request.Plan.Items.Count.ToString(CultureInfo.InvariantCulture)} items, indexed from 0");
            }
            else if (items.Count > 0 && item <= items[^1])
            {
                _json.Report(at, InputErrorCodes.InvalidValue, "items are listed in ascending order, each once, as advisories list them");
            }
            else
            {
                items.Add(item);
            }
        }

        return [.. items];
    }

    private string? Code(JsonElement element, string path)
    {
        var code = Text(element, path);
        if (code is not null && (code.Length is 0 or > 64 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            _json.Report(path, InputErrorCodes.InvalidValue, $"'{StrictJson.Printable(code)}' is not a rule code");
            return null;
        }

        return code;
    }

    private string? Text(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            _json.Report(path, InputErrorCodes.WrongType, $"must be a string, not {StrictJson.Kind(element)}");
            return null;
        }

        if (!StrictJson.TryText(element.GetString, out var text) || text.Any(char.IsControl))
        {
            _json.Report(path, InputErrorCodes.InvalidValue, "must be text without control characters");
            return null;
        }

        if (text.Length == 0)
        {
            _json.Report(path, InputErrorCodes.Required, "must not be empty");
            return null;
        }

        return text;
    }

    private DateOnly? Date(JsonElement element, string path)
    {
        if (Text(element, path) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        _json.Report(path, InputErrorCodes.InvalidValue, $"'{StrictJson.Printable(text)}' is not a date; write it as YYYY-MM-DD");
        return null;
    }

    private TEnum? Enum<TEnum>(JsonElement element, string path)
        where TEnum : struct, Enum
    {
        if (Text(element, path) is not { } text)
        {
            return null;
        }

        if (JsonNames.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        _json.Report(path, InputErrorCodes.NotAllowedValue, $"'{StrictJson.Printable(text)}' is not an allowed value; allowed values: {string.Join(", ", JsonNames.All<TEnum>())}");
        return null;
    }
}
