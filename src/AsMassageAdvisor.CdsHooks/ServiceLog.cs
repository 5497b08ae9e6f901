using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.CdsHooks;

/// <summary>
/// Every message the service logs, source-generated so that no call boxes its arguments or parses a template
/// at run time. Patient facts (problems of a rejected request, decisions, card counts) go to Debug only.
/// </summary>
internal static partial class ServiceLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "CdsHooks:AllowUnauthenticated is on: hook and feedback calls are taken WITHOUT a client token. For local trials only.")]
    public static partial void UnauthenticatedCallsAllowed(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No CdsHooks:TrustedClients are configured: every hook and feedback call will be answered 401.")]
    public static partial void NoTrustedClients(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request answered {Status}: {Count} problem(s)")]
    public static partial void Rejected(this ILogger logger, int status, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request answered {Status}: {Problems}")]
    public static partial void RejectedProblems(this ILogger logger, int status, string problems);

    [LoggerMessage(Level = LogLevel.Debug, Message = "FHIR fetch GET {Address} answered {Status} in {Milliseconds} ms")]
    public static partial void FhirFetched(this ILogger logger, string address, int status, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "FHIR fetch failed ({ExceptionType}) after {Milliseconds} ms")]
    public static partial void FhirFetchFailed(this ILogger logger, string exceptionType, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hook call answered 412: missing {Keys}")]
    public static partial void RequiredDataUnavailable(this ILogger logger, string keys);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hook call answered 412")]
    public static partial void RequiredDataUnavailableDetail(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {TraceId} failed with {Exception}; answered 500")]
    public static partial void Failed(this ILogger logger, string traceId, string exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {TraceId} failed")]
    public static partial void FailedDetail(this ILogger logger, string traceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {Count} feedback entr{Suffix}")]
    public static partial void FeedbackStored(this ILogger logger, int count, string suffix);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Exported {Count} feedback entr{Suffix} to the JSON-lines file")]
    public static partial void FeedbackExported(this ILogger logger, int count, string suffix);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback database: {Provider}, schema up to date")]
    public static partial void FeedbackDatabaseReady(this ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The feedback file reached its size cap and no rotated files are kept: its earlier entries are deleted")]
    public static partial void FeedbackFileDeleted(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The oldest rotated feedback file is deleted to stay within the caps")]
    public static partial void OldestFeedbackFileDeleted(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hook {Hook} {HookInstance} answered in {Elapsed:F1} ms")]
    public static partial void HookAnswered(this ILogger logger, string hook, string hookInstance, double elapsed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hook {HookInstance}: decision {Decision}, {Cards} card(s)")]
    public static partial void HookDecision(this ILogger logger, string hookInstance, string decision, int cards);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hook {HookInstance}: fetching {Keys} from the client's FHIR server")]
    public static partial void Fetching(this ILogger logger, string hookInstance, string keys);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trusted client {Issuer}: {Count} key(s) read from {Path}")]
    public static partial void KeyFileRead(this ILogger logger, string issuer, int count, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Trusted client {Issuer}: the key file {Path} could not be read ({Error}); its calls are refused")]
    public static partial void KeyFileUnreadable(this ILogger logger, string issuer, string path, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trusted client {Issuer}: {Count} key(s) read from its key set address")]
    public static partial void KeySetRead(this ILogger logger, string issuer, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Trusted client {Issuer}: its key set could not be read ({Error})")]
    public static partial void KeySetUnreadable(this ILogger logger, string issuer, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A token's jti could not be checked in the database ({Exception}); the call was refused (503)")]
    public static partial void TokenIdUnchecked(this ILogger logger, string exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A token's jti could not be checked in the database")]
    public static partial void TokenIdUncheckedDetail(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Count} used token id(s) of expired tokens from the database")]
    public static partial void ExpiredTokenIdsDeleted(this ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Used token ids of expired tokens could not be deleted from the database ({Exception}); tried again at the next sweep")]
    public static partial void ExpiredTokenIdsNotDeleted(this ILogger logger, string exception);

    /// <summary>A refused request: the count at Warning, the problems (which may quote the record) at Debug.</summary>
    public static void Rejected(this ILogger logger, int status, IReadOnlyList<InputError> problems)
    {
        logger.Rejected(status, problems.Count);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.RejectedProblems(status, string.Join("; ", ProblemResults.Bound(problems)));
        }
    }
}
