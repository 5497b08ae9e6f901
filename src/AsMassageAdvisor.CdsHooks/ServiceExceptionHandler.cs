using AsMassageAdvisor.CdsHooks.Hooks;
using AsMassageAdvisor.Reading;
using Microsoft.AspNetCore.Diagnostics;

namespace AsMassageAdvisor.CdsHooks;

/// <summary>
/// The one place where a failure becomes an answer: endpoints read, call one service and let exceptions
/// come here. Each known exception has its status and problem body; anything else is a 500 that says the
/// orders are unchecked (or the feedback unstored) and shows nothing of the exception, whose type is logged
/// and whose details go to Debug only, since a message may quote the patient's record or an address.
/// </summary>
/// <param name="logger">Where refusals and failures are logged.</param>
internal sealed class ServiceExceptionHandler(ILogger<ServiceExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var endpoint = EndpointOf(httpContext);
        IResult answer;
        switch (exception)
        {
            case InvalidRequestException invalid:
                logger.Rejected(StatusCodes.Status400BadRequest, invalid.Errors);
                answer = ProblemResults.BadRequest(endpoint, invalid.Errors);
                break;
            case PlanNotAssessableException notAssessable:
                httpContext.Items[CdsTelemetry.CauseKey] = "plan-not-assessable";
                logger.Rejected(StatusCodes.Status400BadRequest, notAssessable.Errors);
                answer = ProblemResults.BadRequest(
                    "The draft orders and the patient's data, as read, are not an assessable request; no advice was given.", notAssessable.Errors);
                break;
            case RequiredDataUnavailableException unavailable:
                logger.RequiredDataUnavailable(string.Join(",", unavailable.Keys));
                logger.RequiredDataUnavailableDetail(unavailable);
                answer = ProblemResults.PreconditionFailed(unavailable.Message, unavailable.Keys);
                break;
            case TimeoutException:
                // The database did not answer within its bound: nothing of this call is to be relied on, and the
                // call may be sent again (feedback is kept once per card and client, so a repeat does no harm).
                httpContext.Items[CdsTelemetry.CauseKey] = "database";
                logger.Failed(httpContext.TraceIdentifier, exception.GetType().Name);
                httpContext.Response.Headers.RetryAfter = "5";
                answer = ProblemResults.DatabaseUnavailable(endpoint);
                break;
            default:
                httpContext.Items[CdsTelemetry.CauseKey] = exception is System.Data.Common.DbException ? "database" : "failure";
                logger.Failed(httpContext.TraceIdentifier, exception.GetType().Name);
                logger.FailedDetail(httpContext.TraceIdentifier, exception);
                answer = endpoint switch
                {
                    Endpoint.Feedback => ProblemResults.FeedbackFailure(),
                    Endpoint.Report => ProblemResults.ReportFailure(),
                    _ => ProblemResults.HookFailure(),
                };
                break;
        }

        await answer.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>Which endpoint the call was for: each answers failures in its own words.</summary>
    internal static Endpoint EndpointOf(HttpContext httpContext) => httpContext.Request.Path.Value switch
    {
        { } path when path.EndsWith("/feedback", StringComparison.Ordinal) => Endpoint.Feedback,
        { } path when path.EndsWith("/report", StringComparison.Ordinal) => Endpoint.Report,
        _ => Endpoint.Hook,
    };
}
