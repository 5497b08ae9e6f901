namespace AsMassageAdvisor.Reading;

/// <summary>One problem with a request, at the JSON path of the field it concerns.</summary>
/// <param name="Path">The JSON path, e.g. <c>$.plan.items[0].pressure</c>.</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record InputError(string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}
