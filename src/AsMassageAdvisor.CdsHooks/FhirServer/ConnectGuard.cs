using System.Net;
using System.Net.Sockets;

namespace AsMassageAdvisor.CdsHooks.FhirServer;

/// <summary>
/// The last check before the service opens a socket to a FHIR server: the host name is resolved here, and
/// addresses that never belong to a FHIR server (link-local, which holds cloud metadata services such as
/// 169.254.169.254; unspecified; multicast; broadcast) are refused, so that an allowed name whose DNS
/// points there later still cannot be used to reach them.
/// </summary>
internal static class ConnectGuard
{
    /// <summary>True for an address the service never connects to.</summary>
    /// <param name="address">A resolved address.</param>
    /// <returns>Whether it is refused.</returns>
    public static bool IsForbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 0 // "this network", including 0.0.0.0
                || (b[0] == 169 && b[1] == 254) // link-local
                || b[0] >= 224; // multicast, reserved and broadcast
        }

        return address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)
            || address.IsIPv6LinkLocal || address.IsIPv6Multicast || address.IsIPv6SiteLocal;
    }

    /// <summary>Resolves the host and connects to its first permitted address.</summary>
    /// <param name="context">The connection asked for.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>The connected stream.</returns>
    /// <exception cref="HttpRequestException">No permitted address answered.</exception>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endPoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
        var permitted = addresses.Where(a => !IsForbidden(a)).ToList();
        if (permitted.Count == 0)
        {
            throw new HttpRequestException("The FHIR server's address is not one the service connects to.");
        }

        Exception? last = null;
        foreach (var address in permitted)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, endPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
        }

        throw new HttpRequestException("The FHIR server could not be reached.", last);
    }
}
