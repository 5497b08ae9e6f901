using System.Net.Http.Headers;

namespace AsMassageAdvisor.CdsHooks.Tests.Support;

/// <summary>Adds a freshly signed client token to every request, its audience the address called.</summary>
internal sealed class SigningHandler(ClientKeys keys, Uri? publicBaseUrl = null) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Behind a configured public address the audience is that address plus the path called.
        var audience = publicBaseUrl is null
            ? request.RequestUri!.GetLeftPart(UriPartial.Path)
            : publicBaseUrl.AbsoluteUri.TrimEnd('/') + request.RequestUri!.AbsolutePath;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", keys.Token(audience));
        return base.SendAsync(request, cancellationToken);
    }
}
