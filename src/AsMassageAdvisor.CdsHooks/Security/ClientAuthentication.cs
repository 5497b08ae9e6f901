using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AsMassageAdvisor.CdsHooks.Security;

/// <summary>
/// CDS Hooks 2.0 client authentication: every hook and feedback call carries a JWT signed by a trusted
/// client (ES384 or RS384), whose <c>aud</c> is the endpoint called, with <c>exp</c>, <c>iat</c> and a
/// <c>jti</c> used once. ASP.NET Core's JwtBearer handler validates signature, issuer, algorithm and
/// lifetime; the checks that depend on the call (audience, token id) are made when it has done so. A token id
/// is taken in the service's database, shared by every replica on it (<see cref="UsedTokenIds"/>); when the
/// database does not answer, the call is refused with 503.
/// </summary>
internal static class ClientAuthentication
{
    /// <summary>The authorization policy of hook and feedback calls.</summary>
    public const string Policy = "cds-client";

    /// <summary>The algorithms accepted: the two CDS Hooks 2.0 requires services to support.</summary>
    public static readonly IReadOnlyList<string> Algorithms = [SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.RsaSha384];

    /// <summary>The longest <c>jti</c> taken, in characters: ids are kept in memory and in a database index.</summary>
    public const int MaxTokenIdLength = 256;

    private const string FailureKey = "cds-auth-failure";
    private const string UncheckedKey = "cds-auth-unchecked";

    /// <summary>Adds the JwtBearer scheme, the key store, the used token ids and the policy.</summary>
    public static void AddClientAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<TrustedClientKeys>();
        services.AddHostedService(sp => sp.GetRequiredService<TrustedClientKeys>());
        services.AddSingleton<TokenIdCache>();
        services.AddSingleton<UsedTokenIds>();
        services.AddHostedService(sp => sp.GetRequiredService<UsedTokenIds>());
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<CdsHooksOptions>, TrustedClientKeys>((jwt, cds, keys) =>
            {
                var settings = cds.Value;
                // Claims keep their JWT names (iss, sub, jti); no OpenID metadata is read, keys come from TrustedClientKeys.
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuers = settings.TrustedClients.Select(c => c.Issuer).ToList(),
                    ValidateAudience = false, // checked against the called endpoint in OnTokenValidated
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidAlgorithms = Algorithms,
                    ClockSkew = settings.TokenClockSkew,
                    IssuerSigningKeyResolver = (_, token, _, _) => keys.For(token?.Issuer),
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = CheckCallAsync,
                    OnAuthenticationFailed = RememberFailure,
                    OnChallenge = ChallengeAsync,
                };
            });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true
                // The local-trial switch; refused at start outside Development.
                || (context.Resource is HttpContext http && http.RequestServices.GetRequiredService<IOptions<CdsHooksOptions>>().Value.AllowUnauthenticated)));
    }

    /// <summary>The audiences a token for this call may carry: the endpoint called and, for feedback, its service.</summary>
    internal static IReadOnlyList<string> ExpectedAudiences(HttpRequest request, string? publicBaseUrl)
    {
        // The address the request came to only in a local trial: outside Development the start fails without
        // PublicBaseUrl, since the Host header is the caller's to choose.
        var origin = string.IsNullOrWhiteSpace(publicBaseUrl)
            ? $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}"
            : publicBaseUrl.TrimEnd('/');
        var endpoint = origin + request.Path.Value;
        const string feedback = "/feedback";
        return endpoint.EndsWith(feedback, StringComparison.Ordinal) ? [endpoint, endpoint[..^feedback.Length]] : [endpoint];
    }

    private static async Task CheckCallAsync(TokenValidatedContext context)
    {
        if (CheckClaims(context) is { } reason)
        {
            Fail(context, reason);
            return;
        }

        var token = (JsonWebToken)context.SecurityToken;
        var settings = context.HttpContext.RequestServices.GetRequiredService<IOptions<CdsHooksOptions>>().Value;
        var expires = new DateTimeOffset(token.ValidTo, TimeSpan.Zero) + settings.TokenClockSkew;
        var ids = context.HttpContext.RequestServices.GetRequiredService<UsedTokenIds>();
        switch (await ids.TryUseAsync(token.Issuer, token.Id, expires, context.HttpContext.RequestAborted))
        {
            case TokenIdUse.New:
                break;
            case TokenIdUse.UsedBefore:
                Fail(context, "the token's jti was used before; send a new token with every call");
                break;
            case TokenIdUse.TooMany:
                Fail(context, "the service holds as many unexpired token ids as it may; send the call again shortly, with a new token");
                break;
            default:
                context.HttpContext.Items[UncheckedKey] = true;
                Fail(context, "the token's jti could not be checked");
                break;
        }
    }

    /// <summary>The first rule the token breaks before its id is taken, or null.</summary>
    private static string? CheckClaims(TokenValidatedContext context)
    {
        var settings = context.HttpContext.RequestServices.GetRequiredService<IOptions<CdsHooksOptions>>().Value;
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (context.SecurityToken is not JsonWebToken token)
        {
            return "the token could not be read";
        }

        var expected = ExpectedAudiences(context.Request, settings.PublicBaseUrl);
        if (!token.Audiences.Any(a => expected.Contains(a, StringComparer.Ordinal)))
        {
            // The expected address is not repeated: without PublicBaseUrl (Development) it comes from the caller's Host.
            return "the token's aud must be the URL of the endpoint called (CdsHooks:PublicBaseUrl and the path)";
        }

        if (!token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var iatSeconds))
        {
            return "the token has no iat";
        }

        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(iatSeconds);
        var expires = new DateTimeOffset(token.ValidTo, TimeSpan.Zero);
        return issuedAt > time.GetUtcNow() + settings.TokenClockSkew ? "the token's iat is in the future"
            : expires - issuedAt > settings.MaxTokenLifetime ? $"the token lives longer than {settings.MaxTokenLifetime.TotalSeconds} s (exp - iat)"
            : string.IsNullOrEmpty(token.Id) ? "the token has no jti"
            : token.Id.Length > MaxTokenIdLength ? $"the token's jti is longer than {MaxTokenIdLength} characters"
            : null;
    }

    private static void Fail(TokenValidatedContext context, string reason)
    {
        context.HttpContext.Items[FailureKey] = reason;
        context.Fail(reason);
    }

    private static Task RememberFailure(AuthenticationFailedContext context)
    {
        if (!context.HttpContext.Items.ContainsKey(FailureKey))
        {
            context.HttpContext.Items[FailureKey] = context.Exception switch
            {
                SecurityTokenExpiredException => "the token has expired",
                SecurityTokenNotYetValidException => "the token is not valid yet",
                SecurityTokenNoExpirationException => "the token has no exp",
                SecurityTokenInvalidAlgorithmException => "the token's alg is not accepted (ES384 or RS384 only)",
                SecurityTokenInvalidIssuerException => "the token's iss is not a trusted client",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the token's signature is not verified by a trusted client's key",
                _ => "the token could not be read or validated",
            };
        }

        return Task.CompletedTask;
    }

    private static async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        if (context.HttpContext.Items.ContainsKey(UncheckedKey))
        {
            // The token may be good; the service cannot tell now. Counted as database trouble, like a failed write.
            context.HttpContext.Items[CdsTelemetry.CauseKey] = "database";
            context.Response.Headers.RetryAfter = "5";
            await ProblemResults.TokenUnchecked().ExecuteAsync(context.HttpContext);
            return;
        }

        var reason = context.HttpContext.Items[FailureKey] as string
            ?? (context.Request.Headers.Authorization.Count == 0 ? "no Authorization header was sent" : "the Authorization header holds no bearer token that could be validated");
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "A signed JWT of a trusted CDS client is required; the call was not processed.",
            detail: reason + ".").ExecuteAsync(context.HttpContext);
    }
}
