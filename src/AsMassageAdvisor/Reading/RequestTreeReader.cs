using System.Globalization;
using System.Reflection;
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

    // Each field of the model, in the order the model declares it (the order of "Allowed here" lists and of the problems
    // reported), with its JSON name and how its value is read, both from the model: the name by the naming policy, the
    // reading by the property's type. A field added to the model is read with no edit here.
    private static readonly Field<PatientStatus>[] PatientFields = FieldsOf<PatientStatus>();

    private static readonly Field<SessionPlan>[] PlanFields = FieldsOf<SessionPlan>();

    private static readonly string[] RootNames = [Patient, Plan];
    private static readonly string TechniqueName = Of(nameof(PlanItem.Technique));
    private static readonly string RegionName = Of(nameof(PlanItem.Region));
    private static readonly string PressureName = Of(nameof(PlanItem.Pressure));
    private static readonly string[] ItemNames = [TechniqueName, RegionName, PressureName];

    private readonly StrictJson _json = new(MaxErrors);

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

    /// <summary>The fields of a model type as the reader reads them, in the order the model declares them.</summary>
    internal static Field<T>[] FieldsOf<T>() =>
        [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new Field<T>(p.Name, ReaderOf<T>(p)))];

    // The model object being read is the reader's own fresh one, so its init-only properties are set in place.
    private static Func<RequestTreeReader, T, JsonElement, string, T> ReaderOf<T>(PropertyInfo property)
    {
        var read = ValueReaderOf(property.PropertyType)
            ?? throw new NotSupportedException($"{typeof(T).Name}.{property.Name}: the reader has no reading for {property.PropertyType}.");
        return (reader, model, value, path) =>
        {
            property.SetValue(model, read(reader, value, path));
            return model;
        };
    }

    // How a value of each of the model's field types is read: an enum, a list of an enum, a whole number, a date, the items.
    private static Func<RequestTreeReader, JsonElement, string, object?>? ValueReaderOf(Type type) =>
        type == typeof(int?) ? (r, v, at) => r.ReadInteger(v, at)
        : type == typeof(DateOnly?) ? (r, v, at) => r.ReadDate(v, at)
        : type == typeof(IReadOnlyList<PlanItem>) ? (r, v, at) => r.ReadItems(v, at)
        : type.IsEnum ? Generic(nameof(ReadEnumValue), type)
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && type.GetGenericArguments()[0].IsEnum
            ? Generic(nameof(ReadEnumListValue), type.GetGenericArguments()[0])
        : null;

    private static Func<RequestTreeReader, JsonElement, string, object?> Generic(string method, Type enumType) =>
        typeof(RequestTreeReader).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(enumType)
            .CreateDelegate<Func<RequestTreeReader, JsonElement, string, object?>>();

    private object ReadEnumValue<TEnum>(JsonElement element, string path)
        where TEnum : struct, Enum => ReadEnum<TEnum>(element, path);

    private object ReadEnumListValue<TEnum>(JsonElement element, string path)
        where TEnum : struct, Enum => ReadEnumList<TEnum>(element, path);

    /// <summary>One field of a model type: its JSON name and how its value is read into the model.</summary>
    internal sealed class Field<T>(string propertyName, Func<RequestTreeReader, T, JsonElement, string, T> read)
    {
        public string Name { get; } = Of(propertyName);

        public Func<RequestTreeReader, T, JsonElement, string, T> Read { get; } = read;
    }
}
