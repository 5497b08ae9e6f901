using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using FluentValidation;

namespace AsMassageAdvisor.Validation;

/// <summary>Runs the validator and turns its failures into <see cref="InputError"/>s at JSON paths.</summary>
internal static class RequestValidation
{
    private static readonly AssessmentRequestValidator Validator = new();

    /// <summary>
    /// Every problem of a request. Dates are checked against <paramref name="today"/>: without a session date the session
    /// is today, and nothing about the patient can have been confirmed or assessed after it.
    /// </summary>
    public static List<InputError> Validate(AssessmentRequest? request, DateOnly today)
    {
        if (request is null)
        {
            return [new InputError("$", "a request is required", InputErrorCodes.Required)];
        }

        var context = new ValidationContext<AssessmentRequest>(request);
        context.RootContextData[AssessmentRequestValidator.TodayKey] = today;
        if (request.Plan is { } plan)
        {
            context.RootContextData[AssessmentRequestValidator.GiverKey] = plan.AdministeredBy;
        }

        var result = Validator.Validate(context);
        return result.Errors
            .Select(f => new InputError(JsonPath(f.PropertyName), Clean(f.ErrorMessage), f.ErrorCode))
            .Distinct()
            .ToList();
    }

    /// <summary>Throws when the request is not valid; every problem is named.</summary>
    public static void EnsureValid(AssessmentRequest? request, DateOnly today)
    {
        // The common case, a valid request, is settled by the cheap screen; the validator names the problems.
        if (RequestScreen.Passes(request, today))
        {
            return;
        }

        var errors = Validate(request, today);
        if (errors.Count > 0)
        {
            throw new InvalidRequestException(errors);
        }
    }

    // "Plan.Items[0].Pressure" becomes "$.plan.items[0].pressure": the JSON names are the camelCase model names.
    private static string JsonPath(string propertyName) =>
        "$." + string.Join('.', propertyName.Split('.').Select(JsonNames.Camel));

    // FluentValidation's built-in messages start with the quoted property name, which the path already gives.
    private static string Clean(string message)
    {
        var end = message.StartsWith('\'') ? message.IndexOf("' ", 1, StringComparison.Ordinal) : -1;
        return end > 0 ? message[(end + 2)..] : message;
    }
}
