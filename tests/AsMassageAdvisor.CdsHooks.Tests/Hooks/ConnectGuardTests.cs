using System.Net;
using AsMassageAdvisor.CdsHooks.FhirServer;

namespace AsMassageAdvisor.CdsHooks.Tests.Hooks;

/// <summary>The address check made when connecting (the fetches over loopback in the other tests pass through it).</summary>
public sealed class ConnectGuardTests
{
    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:169.254.169.254")]
    public void Link_local_unspecified_and_multicast_addresses_are_never_connected_to(string address)
    {
        ConnectGuard.IsForbidden(IPAddress.Parse(address)).Should().BeTrue();
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.1.20")]
    [InlineData("203.0.113.7")]
    [InlineData("2001:db8::7")]
    public void Ordinary_addresses_are_left_to_the_allow_list(string address)
    {
        ConnectGuard.IsForbidden(IPAddress.Parse(address)).Should().BeFalse();
    }
}
