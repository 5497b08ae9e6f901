using AsMassageAdvisor.CdsHooks.Feedback;
using AsMassageAdvisor.Knowledge;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AsMassageAdvisor.CdsHooks.Health;

/// <summary>
/// Ready when the knowledge base is loaded: without it no hook call can be answered. Resolving it loads it
/// once (it is a singleton), so a later call costs nothing.
/// </summary>
internal sealed class KnowledgeBaseHealthCheck(IServiceProvider services) : IHealthCheck
{
    /// <summary>The name in the readiness answer.</summary>
    public const string Name = "knowledge-base";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = services.GetRequiredService<KnowledgeBase>();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or FormatException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the knowledge base could not be loaded"));
        }
    }
}

/// <summary>
/// Ready when the feedback database answers within a few seconds: a replica that cannot keep feedback (or
/// record the cards it shows) should be taken out of the load balancer.
/// </summary>
internal sealed class FeedbackDatabaseHealthCheck(IFeedbackStore store) : IHealthCheck
{
    /// <summary>The name in the readiness answer.</summary>
    public const string Name = "feedback-database";

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await store.PingAsync(limit.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or OperationCanceledException or InvalidOperationException or TimeoutException)
        {
            // The exception's message may name hosts and ports; the answer says only what is wrong.
            return HealthCheckResult.Unhealthy("the feedback database does not answer");
        }
    }
}
