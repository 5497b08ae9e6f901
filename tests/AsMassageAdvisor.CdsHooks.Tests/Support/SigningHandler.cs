using System.Net.Http.Headers;

namespace AsMassageAdvisor.CdsHooks.Tests.Support;

/// <summary>Adds a freshly signed client token to every request, its audience the address called.</summary>
internal sealed class SigningHandler(ClientKeys keys) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var audience = request.RequestUri!.GetLeftPart(UriPartial.Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", keys.Token(audience));
        return base.SendAsync(request, cancellationToken);
    }
}
