using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.CdsHooks;

/// <summary>The service's error answers, as RFC 9457 problem details.</summary>
internal static class ProblemResults
{
    /// <summary>
    /// The most problems listed in a 400. A body of a few megabytes can hold hundreds of thousands of problems; listed
    /// one by one they made answers twenty times the size of the request. The readers stop collecting at this
    /// bound and the rest is only counted.
    /// </summary>
    public const int MaxListed = 20;

    /// <summary>400: the request cannot be used; the first <see cref="MaxListed"/> problems with their paths, and a count of the rest.</summary>
    public static IResult BadRequest(string title, IReadOnlyList<InputError> problems)
    {
        var listed = Bound(problems);
        return Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: title,
            detail: string.Join("; ", listed.Select(p => p.ToString())),
            extensions: new Dictionary<string, object?>
            {
                ["problems"] = listed.Select(p => new Dictionary<string, string> { ["path"] = p.Path, ["message"] = p.Message }).ToList(),
            });
    }

    /// <summary>
    /// The first <see cref="MaxListed"/> problems and one entry counting the rest. A list one longer is kept as it is:
    /// its last entry is then a reader's own count of what it did not list.
    /// </summary>
    public static IReadOnlyList<InputError> Bound(IReadOnlyList<InputError> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count <= MaxListed + 1)
        {
            return problems;
        }

        var unlisted = problems.Count - MaxListed;
        return [.. problems.Take(MaxListed), new InputError("$", $"and {unlisted} more problems not listed", InputErrorCodes.TooMany)];
    }

    /// <summary>412: required data is missing and could not be fetched.</summary>
    public static IResult PreconditionFailed(string detail, IReadOnlyList<string> keys) =>
        Results.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "Required patient data is missing; no advice was given.",
            detail: detail,
            extensions: new Dictionary<string, object?> { ["missingPrefetch"] = keys });

    /// <summary>404: no such service.</summary>
    public static IResult UnknownService(string id) =>
        Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "No such CDS service.",
            detail: $"'{id}' is not a service of this host; GET /cds-services lists them.");

    /// <summary>415: the body is not declared as JSON.</summary>
    public static IResult UnsupportedMediaType() =>
        Results.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "The body must be JSON; the call was not processed.",
            detail: "Send the body with Content-Type: application/json.");

    /// <summary>500 for a hook call: the check did not run, so the orders are unchecked, not safe.</summary>
    public static IResult HookFailure() =>
        Results.Problem(
            statusCode: StatusCodes.Status500InternalServerError,
            title: "The safety check failed; no advice was given.",
            detail: "An unexpected error stopped the check. The draft orders have NOT been checked: treat them as unchecked, not as safe.");

    /// <summary>500 for feedback: nothing was stored.</summary>
    public static IResult FeedbackFailure() =>
        Results.Problem(
            statusCode: StatusCodes.Status500InternalServerError,
            title: "Storing the feedback failed; nothing was stored.",
            detail: "An unexpected error stopped the feedback from being written. Send it again later.");

    /// <summary>429 for feedback beyond the client's rate: nothing was stored.</summary>
    public static IResult TooMuchFeedback() =>
        Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too much feedback from this client; nothing was stored.",
            detail: "This client has sent more feedback calls this minute than the service takes. Send it again in a minute.");

    /// <summary>503 for any authenticated call whose token id could not be checked: the call was not processed.</summary>
    public static IResult TokenUnchecked() =>
        Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The token could not be checked; the call was not processed.",
            detail: "The service could not make sure the token's jti was not used before, because its database did not answer. "
                + "No advice was given and nothing was stored: send the call again shortly, with a new token.");

    /// <summary>408: the body did not arrive within the request deadline; nothing was processed.</summary>
    public static IResult BodyTooSlow() =>
        Results.Problem(
            statusCode: StatusCodes.Status408RequestTimeout,
            title: "The request body did not arrive in time; the call was not processed.",
            detail: "The whole call, its upload included, must finish within the service's request deadline. Nothing was checked or stored.");

    /// <summary>400: what the call sent cannot be used; the title says what that left undone for this endpoint.</summary>
    public static IResult BadRequest(Endpoint endpoint, IReadOnlyList<InputError> problems) => BadRequest(
        endpoint switch
        {
            Endpoint.Feedback => "The feedback cannot be used; nothing was stored.",
            Endpoint.Report => "The report's query cannot be used; no report was made.",
            _ => "The hook request cannot be used; no advice was given.",
        },
        problems);

    /// <summary>500 for the report: no report was made, and nothing was changed.</summary>
    public static IResult ReportFailure() =>
        Results.Problem(
            statusCode: StatusCodes.Status500InternalServerError,
            title: "Making the report failed; no report was made.",
            detail: "An unexpected error stopped the report. Nothing was changed; ask for it again later.");

    /// <summary>503: the call did not finish within the request deadline; nothing is to be relied on.</summary>
    public static IResult TooSlow(Endpoint endpoint) =>
        Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: endpoint switch
            {
                Endpoint.Feedback => "The feedback took too long; it may not have been stored.",
                Endpoint.Report => "The report took too long; no report was made.",
                _ => "The call took too long; no advice was given.",
            },
            detail: endpoint switch
            {
                Endpoint.Feedback => "The call did not finish within the service's request deadline. Send it again later.",
                Endpoint.Report => "The call did not finish within the service's request deadline. Ask for a shorter range, or again later.",
                _ => "The call did not finish within the service's request deadline. The draft orders have NOT been checked: try again shortly.",
            });

    /// <summary>503: the database did not answer within its bound; nothing of the call is to be relied on.</summary>
    public static IResult DatabaseUnavailable(Endpoint endpoint) =>
        Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: endpoint switch
            {
                Endpoint.Feedback => "The feedback database did not answer; the feedback may not have been stored.",
                Endpoint.Report => "The feedback database did not answer; no report was made.",
                _ => "The service's database did not answer; no advice was given.",
            },
            detail: endpoint switch
            {
                Endpoint.Feedback => "Send the feedback again shortly: a repeat replaces, never doubles, what was stored.",
                Endpoint.Report => "Ask for the report again shortly.",
                _ => "The draft orders have NOT been checked. Try again shortly.",
            });

    /// <summary>503 for a hook call beyond the concurrency and queue limits: the orders are unchecked.</summary>
    public static IResult Busy() =>
        Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The service is busy; no advice was given.",
            detail: "Too many hook calls are being worked on. The draft orders have NOT been checked: try again shortly.");
}
