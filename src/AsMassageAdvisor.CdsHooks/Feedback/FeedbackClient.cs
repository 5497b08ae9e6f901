using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace AsMassageAdvisor.CdsHooks.Feedback;

/// <summary>
/// Who sent a feedback call, for keeping one outcome per card and sender. A CDS Hooks feedback call names no
/// user; the token names the client (<c>iss</c>, and <c>sub</c>, its client id), so the sender is that client.
/// Only a SHA-256 of the two is stored: the key tells senders apart without keeping their names.
/// </summary>
internal static class FeedbackClient
{
    /// <summary>The key of the caller: a hash of its token's issuer and subject, or empty without a token (a local trial).</summary>
    public static string Key(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var issuer = user.FindFirst("iss")?.Value;
        if (issuer is null)
        {
            return "";
        }

        var subject = user.FindFirst("sub")?.Value ?? "";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(issuer + "\n" + subject)));
    }
}
