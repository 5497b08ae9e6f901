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
        where TEnum : struct, Enum
    {
        // An enum value is compared as its bits here (Array.IndexOf does so for any enum type), without an equality
        // comparer made for the enum type; a dozen values at most, so a scan is as quick as a lookup table.
        var index = Array.IndexOf(Names<TEnum>.Values, value);
        return index >= 0
            ? Names<TEnum>.Json[index]
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name} value.");
    }

    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        // Ordinal: string's own equality. A dozen names at most, so a scan is as quick as a lookup table.
        var index = Array.IndexOf(Names<TEnum>.Json, text);
        value = index >= 0 ? Names<TEnum>.Values[index] : default;
        return index >= 0;
    }

    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Names<TEnum>.Json;

    public static string Camel(string pascal) => Policy.ConvertName(pascal);

    // Plain arrays in the runtime's own order (by value; Enum.GetNames and Enum.GetValues list the members in the same
    // order), made without LINQ, dictionaries or comparers over the enum type. Each of those is code made afresh for
    // every enum type, which a precompiled (ReadyToRun) build does not hold and the JIT compiles at run time: the
    // tables of the request's ten enum types cost a fresh process about 7 ms that way, and frozen dictionaries more.
    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly TEnum[] Values = Enum.GetValues<TEnum>();

        public static readonly string[] Json = CamelAll(Enum.GetNames<TEnum>());
    }

    private static string[] CamelAll(string[] names)
    {
        var camel = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            camel[i] = Camel(names[i]);
        }

        return camel;
    }
}
