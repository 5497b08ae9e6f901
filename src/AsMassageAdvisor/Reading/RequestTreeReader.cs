using System.Globalization;
using System.Text.Json;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Validation;
using static AsMassageAdvisor.Reading.ContractNames;

namespace AsMassageAdvisor.Reading;

/// <summary>
/// Walks a parsed request and builds the model, collecting every structural problem instead of
/// stopping at the first. Where a field is wrong, the model keeps that field's unknown default; the
/// caller never uses such a model, because the errors are reported instead.
/// </summary>
internal sealed class RequestTreeReader
{
    /// <summary>The most problems listed one by one; beyond it they are only counted, so that no input can make the report huge.</summary>
    public const int MaxErrors = 100;

    // Each field once: its JSON name (from the model's property name) and how its value is read. The order is the
    // order of "Allowed here" lists and of the problems reported.
    private static readonly Field<PatientStatus>[] PatientFields =
    [
        new(nameof(PatientStatus.DiseaseActivity), (r, p, v, at) => p with { DiseaseActivity = r.ReadEnum<DiseaseActivity>(v, at) }),
        new(nameof(PatientStatus.Ankylosis), (r, p, v, at) => p with { Ankylosis = r.ReadEnum<AnkylosisStatus>(v, at) }),
        new(nameof(PatientStatus.AnkylosedRegions), (r, p, v, at) => p with { AnkylosedRegions = r.ReadEnumList<BodyRegion>(v, at) }),
        new(nameof(PatientStatus.RestrictedSpinalMotion), (r, p, v, at) => p with { RestrictedSpinalMotion = r.ReadEnum<Answer>(v, at) }),
        new(nameof(PatientStatus.NeurologicalSymptoms), (r, p, v, at) => p with { NeurologicalSymptoms = r.ReadEnumList<NeurologicalSymptom>(v, at) }),
        new(nameof(PatientStatus.PainfulTechniques), (r, p, v, at) => p with { PainfulTechniques = r.ReadEnumList<Technique>(v, at) }),
        new(nameof(PatientStatus.NsaidResponse), (r, p, v, at) => p with { NsaidResponse = r.ReadEnum<NsaidResponse>(v, at) }),
        new(nameof(PatientStatus.OnTnfInhibitor), (r, p, v, at) => p with { OnTnfInhibitor = r.ReadEnum<Answer>(v, at) }),
        new(nameof(PatientStatus.ProviderConsulted), (r, p, v, at) => p with { ProviderConsulted = r.ReadEnum<Answer>(v, at) }),
        new(nameof(PatientStatus.Smoker), (r, p, v, at) => p with { Smoker = r.ReadEnum<Answer>(v, at) }),
        new(nameof(PatientStatus.DietHighInFriedOrSugaryFoods), (r, p, v, at) => p with { DietHighInFriedOrSugaryFoods = r.ReadEnum<Answer>(v, at) }),
        new(nameof(PatientStatus.PainScore), (r, p, v, at) => p with { PainScore = r.ReadInteger(v, at) }),
        new(nameof(PatientStatus.StatusConfirmedOn), (r, p, v, at) => p with { StatusConfirmedOn = r.ReadDate(v, at) }),
        new(nameof(PatientStatus.NeurologicalSymptomsAssessedOn), (r, p, v, at) => p with { NeurologicalSymptomsAssessedOn = r.ReadDate(v, at) }),
        new(nameof(PatientStatus.NeurologicalSymptomsChangedSinceAssessment), (r, p, v, at) => p with { NeurologicalSymptomsChangedSinceAssessment = r.ReadEnum<Answer>(v, at) }),
    ];

    private static readonly Field<SessionPlan>[] PlanFields =
    [
        new(nameof(SessionPlan.AdministeredBy), (r, p, v, at) => p with { AdministeredBy = r.ReadEnum<Administrator>(v, at) }),
        new(nameof(SessionPlan.TherapistInformedOfCondition), (r, p, v, at) => p with { TherapistInformedOfCondition = r.ReadEnum<Answer>(v, at) }),
        new(nameof(SessionPlan.SessionDate), (r, p, v, at) => p with { SessionDate = r.ReadDate(v, at) }),
        new(nameof(SessionPlan.Goals), (r, p, v, at) => p with { Goals = r.ReadEnumList<SessionGoal>(v, at) }),
        new(nameof(SessionPlan.Items), (r, p, v, at) => p with { Items = r.ReadItems(v, at) }),
    ];

    private static readonly string[] RootNames = [Patient, Plan];
    private static readonly string[] PatientNames = [.. PatientFields.Select(f => f.Name)];
    private static readonly string[] PlanNames = [.. PlanFields.Select(f => f.Name)];
    private static readonly string TechniqueName = Of(nameof(PlanItem.Technique));
    private static readonly string RegionName = Of(nameof(PlanItem.Region));
    private static readonly string PressureName = Of(nameof(PlanItem.Pressure));
    private static readonly string[] ItemNames = [TechniqueName, RegionName, PressureName];

    private readonly StrictJson _json = new(MaxErrors);

    /// <summary>The JSON names of the patient, plan and item fields the reader knows, for the test that holds them to the model.</summary>
    internal static IReadOnlyList<string>[] KnownFields => [RootNames, PatientNames, PlanNames, ItemNames];

    /// <summary>The problems found, at most <see cref="MaxErrors"/> of them, then one line counting the rest.</summary>
    public List<InputError> Errors => _json.Errors;

    /// <summary>Call once reading is done: adds the count of problems not listed, if any.</summary>
    public void Finish() => _json.Finish();

    public AssessmentRequest Read(JsonElement root)
    {
        var patient = new PatientStatus();
        var plan = new SessionPlan();
        var fields = _json.Object(root, "$", RootNames);
        if (fields is null)
        {
            return new AssessmentRequest(patient, plan);
        }

        if (fields.TryGetValue(Patient, out var p))
        {
            patient = ReadFields(p, "$." + Patient, PatientFields, new PatientStatus(), out _);
        }
        else
        {
            _json.Report("$." + Patient, InputErrorCodes.Required, "is required (use {} when nothing is known)");
        }

        if (fields.TryGetValue(Plan, out var s))
        {
            plan = ReadFields(s, "$." + Plan, PlanFields, new SessionPlan(), out var given);
            if (given is not null && !given.ContainsKey(Items))
            {
                _json.Report($"$.{Plan}.{Items}", InputErrorCodes.Required, "is required: a plan needs at least one item");
            }
        }
        else
        {
            _json.Report("$." + Plan, InputErrorCodes.Required, "is required");
        }

        return new AssessmentRequest(patient, plan);
    }

    private T ReadFields<T>(JsonElement element, string path, Field<T>[] table, T model, out Dictionary<string, JsonElement>? fields)
    {
        fields = _json.Object(element, path, [.. table.Select(f => f.Name)]);
        foreach (var field in table)
        {
            if (fields is not null && fields.TryGetValue(field.Name, out var value))
            {
                model = field.Read(this, model, value, path + "." + field.Name);
            }
        }

        return model;
    }

    private PlanItem[] ReadItems(JsonElement element, string path)
    {
        if (!_json.Array(element, path, RequestLimits.MaxItems))
        {
            return [];
        }

        var items = new List<PlanItem>();
        var index = 0;
        foreach (var entry in element.EnumerateArray())
        {
            var at = StrictJson.Index(path, index++);
            if (_json.Object(entry, at, ItemNames) is not { } fields)
            {
                continue;
            }

            var technique = Required<Technique>(fields, TechniqueName, at);
            var region = Required<BodyRegion>(fields, RegionName, at);
            var pressure = fields.TryGetValue(PressureName, out var pr) ? ReadEnum<Pressure>(pr, at + "." + PressureName) : Pressure.Unknown;
            if (technique is { } tech && region is { } reg)
            {
                items.Add(new PlanItem(tech, reg, pressure));
            }
        }

        return [.. items];
    }

    private TEnum? Required<TEnum>(Dictionary<string, JsonElement> fields, string name, string path)
        where TEnum : struct, Enum
    {
        if (fields.TryGetValue(name, out var value))
        {
            return ReadRequiredEnum<TEnum>(value, path + "." + name);
        }

        _json.Report(path + "." + name, InputErrorCodes.Required, "is required");
        return null;
    }

    private TEnum ReadEnum<TEnum>(JsonElement element, string path)
        where TEnum : struct, Enum => ReadRequiredEnum<TEnum>(element, path) ?? default;

    private TEnum? ReadRequiredEnum<TEnum>(JsonElement element, string path)
        where TEnum : struct, Enum
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            _json.Report(path, InputErrorCodes.WrongType, $"must be a string, not {StrictJson.Kind(element)}; allowed values: {Allowed<TEnum>()}");
            return null;
        }

        if (!StrictJson.TryText(element.GetString, out var text))
        {
            _json.Report(path, InputErrorCodes.InvalidUtf8, "is not valid text (an unpaired surrogate escape such as \\ud800); allowed values: " + Allowed<TEnum>());
            return null;
        }

        if (JsonNames.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        _json.Report(path, InputErrorCodes.NotAllowedValue, $"'{StrictJson.Printable(text)}' is not an allowed value; allowed values: {Allowed<TEnum>()}");
        return null;
    }

    // The list of allowed values is only written into a problem, so it is only made for one.
    private static string Allowed<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", JsonNames.All<TEnum>());

    private TEnum[] ReadEnumList<TEnum>(JsonElement element, string path)
        where TEnum : struct, Enum
    {
        if (!_json.Array(element, path, RequestLimits.MaxListLength))
        {
            return [];
        }

        var values = new List<TEnum>();
        var index = 0;
        foreach (var entry in element.EnumerateArray())
        {
            if (ReadRequiredEnum<TEnum>(entry, StrictJson.Index(path, index++)) is { } value)
            {
                values.Add(value);
            }
        }

        return [.. values];
    }

    private int? ReadInteger(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value))
        {
            return value;
        }

        _json.Report(path, element.ValueKind == JsonValueKind.Number ? InputErrorCodes.OutOfRange : InputErrorCodes.WrongType, element.ValueKind == JsonValueKind.Number
            ? $"must be a whole number, not {StrictJson.Printable(element.GetRawText())}"
            : $"must be a whole number, not {StrictJson.Kind(element)}");
        return null;
    }

    private DateOnly? ReadDate(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            _json.Report(path, InputErrorCodes.WrongType, $"must be a date written as \"YYYY-MM-DD\", not {StrictJson.Kind(element)}");
            return null;
        }

        if (!StrictJson.TryText(element.GetString, out var text))
        {
            _json.Report(path, InputErrorCodes.InvalidUtf8, "is not valid text (an unpaired surrogate escape such as \\ud800); write the date as YYYY-MM-DD");
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        _json.Report(path, InputErrorCodes.InvalidValue, $"'{StrictJson.Printable(text)}' is not a date; write it as YYYY-MM-DD");
        return null;
    }

    /// <summary>Input text made safe to show: at most 40 characters, control and format characters escaped.</summary>
    internal static string Printable(string text) => StrictJson.Printable(text);

    private sealed class Field<T>(string propertyName, Func<RequestTreeReader, T, JsonElement, string, T> read)
    {
        public string Name { get; } = Of(propertyName);

        public Func<RequestTreeReader, T, JsonElement, string, T> Read { get; } = read;
    }
}
