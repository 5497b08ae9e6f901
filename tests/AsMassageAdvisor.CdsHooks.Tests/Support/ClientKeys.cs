using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AsMassageAdvisor.CdsHooks.Tests.Support;

/// <summary>
/// A CDS client's signing keys, made for the test run: an ES384 and an RS384 key, their public halves
/// written as a JWKS file in a temporary folder, and tokens signed with <see cref="JsonWebTokenHandler"/>.
/// </summary>
public sealed class ClientKeys
{
    /// <summary>The issuer the service is told to trust.</summary>
    public const string TrustedIssuer = "https://ehr.test.example/cds-client";

    private static readonly Lazy<ClientKeys> Shared = new(() => new ClientKeys(TrustedIssuer));

    private readonly ECDsa ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly RSA rsa = RSA.Create(2048);

    public ClientKeys(string issuer)
    {
        Issuer = issuer;
        var folder = Path.Combine(Path.GetTempPath(), "as-massage-cds-tests", "keys-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        JwksFile = Path.Combine(folder, "client.jwks.json");
        File.WriteAllText(JwksFile, Jwks());
    }

    /// <summary>The keys of the test run, trusted by every host the tests start.</summary>
    public static ClientKeys Trusted => Shared.Value;

    public string Issuer { get; }

    /// <summary>The JWKS file with the public keys.</summary>
    public string JwksFile { get; }

    public ECDsaSecurityKey EcKey => new(ec) { KeyId = "ec-1" };

    public RsaSecurityKey RsaKey => new(rsa) { KeyId = "rsa-1" };

    /// <summary>The settings that make a service trust these keys, as client 0.</summary>
    public IReadOnlyDictionary<string, string?> Settings(int index = 0) => new Dictionary<string, string?>
    {
        [$"CdsHooks:TrustedClients:{index}:Issuer"] = Issuer,
        [$"CdsHooks:TrustedClients:{index}:JwksFile"] = JwksFile,
    };

    /// <summary>The public keys as a JSON Web Key Set.</summary>
    public string Jwks()
    {
        var ecPublic = ec.ExportParameters(includePrivateParameters: false);
        var rsaPublic = rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(
                new JsonObject
                {
                    ["kty"] = "EC", ["crv"] = "P-384", ["kid"] = "ec-1", ["use"] = "sig", ["alg"] = "ES384",
                    ["x"] = Base64UrlEncoder.Encode(ecPublic.Q.X), ["y"] = Base64UrlEncoder.Encode(ecPublic.Q.Y),
                },
                new JsonObject
                {
                    ["kty"] = "RSA", ["kid"] = "rsa-1", ["use"] = "sig", ["alg"] = "RS384",
                    ["n"] = Base64UrlEncoder.Encode(rsaPublic.Modulus), ["e"] = Base64UrlEncoder.Encode(rsaPublic.Exponent),
                }),
        }.ToJsonString();
    }

    /// <summary>A token as a CDS client sends it: ES384, this issuer, the endpoint as audience, a fresh jti.</summary>
    public string Token(string audience, SigningCredentials? credentials = null, DateTime? issuedAt = null, TimeSpan? lifetime = null, string? jti = null)
    {
        var iat = issuedAt ?? DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["jti"] = jti ?? Guid.NewGuid().ToString("N") };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = iat,
            NotBefore = iat,
            Expires = iat + (lifetime ?? TimeSpan.FromMinutes(2)),
            Claims = claims,
            Subject = new ClaimsIdentity([new Claim("sub", "test-client")]),
            SigningCredentials = credentials ?? new SigningCredentials(EcKey, SecurityAlgorithms.EcdsaSha384),
        });
    }

    /// <summary>RS384 credentials with the RSA key.</summary>
    public SigningCredentials Rs384 => new(RsaKey, SecurityAlgorithms.RsaSha384);
}
