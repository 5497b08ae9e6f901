using System.Text.Json;

namespace AsMassageAdvisor.Reading;

/// <summary>
/// The camelCase JSON names of the model's enum values, both ways, and the one naming policy that turns any
/// model name (a property or an enum value) into its JSON name.
/// </summary>
internal static class JsonNames
{
    /// <summary>The contract's naming policy: the JSON name of every model name.</summary>
    public static JsonNamingPolicy Policy { get; } = JsonNamingPolicy.CamelCase;

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name} value.");

    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ByName.TryGetValue(text, out value);

    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Names<TEnum>.InOrder;

    public static string Camel(string pascal) => Policy.ConvertName(pascal);

    // Plain dictionaries, not frozen ones: a FrozenDictionary is built by code that is JIT-compiled afresh for every enum
    // type, which cost a fresh process about 50 ms of start-up for tables of a few entries each.
    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<string> InOrder =
            Enum.GetValues<TEnum>().Select(v => Camel(Enum.GetName(v)!)).ToArray();

        public static readonly Dictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().ToDictionary(v => v, v => Camel(Enum.GetName(v)!));

        public static readonly Dictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToDictionary(v => Camel(Enum.GetName(v)!), v => v, StringComparer.Ordinal);
    }
}
