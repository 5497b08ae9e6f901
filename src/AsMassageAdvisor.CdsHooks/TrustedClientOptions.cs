using System.ComponentModel.DataAnnotations;

namespace AsMassageAdvisor.CdsHooks;

/// <summary>A CDS client whose JWTs the service accepts: its issuer and where its public keys are.</summary>
public sealed class TrustedClientOptions
{
    /// <summary>The client's <c>iss</c>, compared exactly.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Issuer { get; set; } = "";

    /// <summary>A local JSON Web Key Set file with the client's public keys.</summary>
    public string? JwksFile { get; set; }

    /// <summary>The address of the client's JSON Web Key Set (https outside Development).</summary>
    public string? JwksUrl { get; set; }
}
