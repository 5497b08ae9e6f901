using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AsMassageAdvisor.CdsHooks.Hooks;

/// <summary>
/// Admits hook calls to the work: the body is read first, bounded in size and by the request deadline, so that a
/// slow upload holds no slot; then a slot is taken (<see cref="ConcurrencyLimiter"/>: at most
/// <see cref="CdsHooksOptions.MaxConcurrentHookCalls"/> at work, <see cref="CdsHooksOptions.MaxQueuedHookCalls"/>
/// waiting, none longer than <see cref="CdsHooksOptions.QueueTimeout"/>); and the answer, an error's included, is
/// written while the slot is held, so that no part of a call's work runs outside the limit.
/// </summary>
internal sealed class HookCallGate : IEndpointFilter, IDisposable
{
    private readonly ConcurrencyLimiter slots;
    private readonly CdsHooksOptions options;
    private readonly ServiceExceptionHandler errors;

    /// <summary>Creates the gate from the settings.</summary>
    public HookCallGate(IOptions<CdsHooksOptions> options, ServiceExceptionHandler errors)
    {
        this.options = options.Value;
        this.errors = errors;
        slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = this.options.MaxConcurrentHookCalls,
            QueueLimit = this.options.MaxQueuedHookCalls,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        await RequestBody.ReadAsync(http.Request, options.MaxRequestBodyBytes, http.RequestAborted);

        using var lease = await TakeSlotAsync(http);
        if (!lease.IsAcquired)
        {
            http.Items[CdsTelemetry.CauseKey] = "busy";
            http.Response.Headers.RetryAfter = "1";
            return ProblemResults.Busy();
        }

        try
        {
            var result = await next(context);
            if (result is IResult answer)
            {
                await answer.ExecuteAsync(http);
                return EmptyHttpResult.Instance;
            }

            return result;
        }
        catch (Exception ex) when ((ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested) && !http.Response.HasStarted)
        {
            // The one mapping of failures to answers, run here so that building and writing an error answer counts
            // against the limit like any other answer. A cancelled call goes on to the deadline's own answer.
            await errors.TryHandleAsync(http, ex, http.RequestAborted);
            return EmptyHttpResult.Instance;
        }
    }

    /// <inheritdoc />
    public void Dispose() => slots.Dispose();

    private async Task<RateLimitLease> TakeSlotAsync(HttpContext http)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        wait.CancelAfter(options.QueueTimeout);
        try
        {
            return await slots.AcquireAsync(1, wait.Token);
        }
        catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
        {
            // Waited as long as a call may: answered busy, the same as a full queue.
            return NoSlot.Instance;
        }
    }

    /// <summary>A lease not granted.</summary>
    private sealed class NoSlot : RateLimitLease
    {
        public static readonly NoSlot Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
