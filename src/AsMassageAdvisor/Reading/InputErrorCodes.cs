namespace AsMassageAdvisor.Reading;

/// <summary>
/// The stable codes of <see cref="InputError.Code"/>. They are part of the contract (docs/contract.md, "What makes a
/// request invalid"): a code is never renamed or removed without a major version.
/// </summary>
public static class InputErrorCodes
{
    /// <summary>A field that is not part of the contract here (often misspelt; the message suggests the nearest).</summary>
    public const string UnknownField = "unknownField";

    /// <summary>A field given more than once in one object.</summary>
    public const string DuplicateField = "duplicateField";

    /// <summary>A value of the wrong JSON type, e.g. a number where a string is expected.</summary>
    public const string WrongType = "wrongType";

    /// <summary>A value that is not one of the allowed values, e.g. an unknown enumeration value.</summary>
    public const string NotAllowedValue = "notAllowedValue";

    /// <summary>A number outside its range.</summary>
    public const string OutOfRange = "outOfRange";

    /// <summary>A required field or value is missing.</summary>
    public const string Required = "required";

    /// <summary>The input is larger than allowed.</summary>
    public const string TooLarge = "tooLarge";

    /// <summary>The input is nested deeper than allowed.</summary>
    public const string TooDeep = "tooDeep";

    /// <summary>The input is not JSON.</summary>
    public const string InvalidJson = "invalidJson";

    /// <summary>The input is not UTF-8, or holds text that cannot be text (an unpaired surrogate).</summary>
    public const string InvalidUtf8 = "invalidUtf8";

    /// <summary>Values that contradict each other, e.g. fused regions listed while ankylosis is absent.</summary>
    public const string Contradiction = "contradiction";

    /// <summary>A list with more entries than allowed, or more problems than are listed one by one.</summary>
    public const string TooMany = "tooMany";

    /// <summary>A value of the right type that is not well formed, e.g. a date or an identifier.</summary>
    public const string InvalidValue = "invalidValue";

    /// <summary>Every code, in the order the contract lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        UnknownField, DuplicateField, WrongType, NotAllowedValue, OutOfRange, Required, TooLarge, TooDeep,
        InvalidJson, InvalidUtf8, Contradiction, TooMany, InvalidValue,
    ];
}
