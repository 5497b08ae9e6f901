namespace AsMassageAdvisor.Reading;

/// <summary>One problem with a request, at the JSON path of the field it concerns.</summary>
/// <param name="Path">The JSON path, e.g. <c>$.plan.items[0].pressure</c>.</param>
/// <param name="Message">What is wrong, in words.</param>
/// <param name="Code">
/// What kind of problem it is, one of <see cref="InputErrorCodes"/>: stable, so that callers can branch on it
/// (the message is for people and may be reworded).
/// </param>
public sealed record InputError(string Path, string Message, string Code)
{
    /// <summary>Creates a problem of the general kind <see cref="InputErrorCodes.InvalidValue"/>.</summary>
    /// <param name="Path">The JSON path of the field.</param>
    /// <param name="Message">What is wrong, in words.</param>
    // The parameter names are those of the first version's constructor, so that callers naming them still compile.
#pragma warning disable IDE1006
    public InputError(string Path, string Message)
        : this(Path, Message, InputErrorCodes.InvalidValue)
#pragma warning restore IDE1006
    {
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}
