using System.ComponentModel.DataAnnotations;
using AsMassageAdvisor.CdsHooks.Feedback;
using Microsoft.Extensions.Options;

namespace AsMassageAdvisor.CdsHooks;

/// <summary>
/// Checks what the attributes on <see cref="CdsHooksOptions"/> cannot: each trusted client (data annotations
/// do not look into list items), that it names exactly one key source, that a key-set address is https
/// outside Development, since a key set read over plain http could be swapped on the way, and that the public
/// address that tokens are checked against is set outside Development.
/// </summary>
/// <param name="environment">The host's environment.</param>
internal sealed class CdsHooksOptionsValidator(IHostEnvironment environment) : IValidateOptions<CdsHooksOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CdsHooksOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var client in options.TrustedClients)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(client, new ValidationContext(client), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"CdsHooks:TrustedClients: {r.ErrorMessage}"));
            }

            if ((client.JwksFile is null) == (client.JwksUrl is null))
            {
                failures.Add("every CdsHooks:TrustedClients entry needs an Issuer and exactly one of JwksFile or JwksUrl");
            }

            if (client.JwksUrl is not null && !IsAllowedKeyAddress(client.JwksUrl, environment.IsDevelopment()))
            {
                failures.Add("CdsHooks:TrustedClients JwksUrl must be an absolute https address (http only in Development)");
            }
        }

        // Without it the audience would be built from the Host header, which the caller chooses: a token minted for
        // any host would then be accepted when sent with that Host. Only a local trial may go without.
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            if (!environment.IsDevelopment())
            {
                failures.Add("CdsHooks:PublicBaseUrl is required outside Development: the address clients call (e.g. https://cds.hospital.example), which a token's aud is checked against");
            }
        }
        else if (!IsBaseAddress(options.PublicBaseUrl))
        {
            failures.Add("CdsHooks:PublicBaseUrl must be an absolute http or https address with no query or fragment");
        }

        var database = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options.Feedback, new ValidationContext(options.Feedback), database, validateAllProperties: true))
        {
            failures.AddRange(database.Select(r => r.ErrorMessage ?? "CdsHooks:Feedback is not valid"));
        }

        if (options.Feedback.Provider == FeedbackDatabaseOptions.Postgres && string.IsNullOrWhiteSpace(options.Feedback.ConnectionString))
        {
            failures.Add("CdsHooks:Feedback:Provider=postgres needs CdsHooks:Feedback:ConnectionString");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsBaseAddress(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);

    private static bool IsAllowedKeyAddress(string address, bool development) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (development && uri.Scheme == Uri.UriSchemeHttp));
}
