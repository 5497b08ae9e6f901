using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor;

/// <summary>
/// The request cannot be assessed. <see cref="Errors"/> names every problem found, each with its field;
/// no partial assessment is ever made from such a request.
/// </summary>
public sealed class InvalidRequestException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="errors">Every problem found; at least one.</param>
    public InvalidRequestException(IReadOnlyList<InputError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>
    /// Every problem found: first the problems of form (fields, types, values), then those of meaning
    /// (ranges, contradictions), each in a fixed order.
    /// </summary>
    public IReadOnlyList<InputError> Errors { get; }

    private static string Describe(IReadOnlyList<InputError> errors) =>
        ProblemList.Describe("The request is invalid", errors, "An invalid request has at least one problem.", nameof(errors));
}
