using Microsoft.Extensions.Http.Logging;

namespace AsMassageAdvisor.CdsHooks.FhirServer;

/// <summary>
/// Logs the fetches from a client's FHIR server in place of the HTTP client's default logging, which writes every
/// address (<c>GET …/Patient/{id}</c>) at Information. An address of a FHIR read or search names the patient, so it is
/// written at Debug only; a failed fetch is told at Information without it (the hook call's own log line and its
/// 412 carry the rest).
/// </summary>
/// <param name="logger">Where the fetches are logged.</param>
internal sealed class FhirFetchLog(ILogger<FhirFetchLog> logger) : IHttpClientLogger
{
    /// <inheritdoc />
    public object? LogRequestStart(HttpRequestMessage request) => null;

    /// <inheritdoc />
    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.FhirFetched(request.RequestUri?.AbsoluteUri ?? "", (int)response.StatusCode, elapsed.TotalMilliseconds);
        }
    }

    /// <inheritdoc />
    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exception);
        logger.FhirFetchFailed(exception.GetType().Name, elapsed.TotalMilliseconds);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.FhirFetched(request.RequestUri?.AbsoluteUri ?? "", response is null ? 0 : (int)response.StatusCode, elapsed.TotalMilliseconds);
        }
    }
}
