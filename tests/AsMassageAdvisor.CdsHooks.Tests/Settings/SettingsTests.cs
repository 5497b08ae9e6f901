using System.Net;
using AsMassageAdvisor.CdsHooks.Tests.Support;

namespace AsMassageAdvisor.CdsHooks.Tests.Settings;

public sealed class SettingsTests
{
    [Theory]
    [InlineData("CdsHooks:FhirServerTimeout", "00:00:00")]
    [InlineData("CdsHooks:MaxTokenLifetime", "00:00:00")]
    [InlineData("CdsHooks:MaxFhirPages", "0")]
    [InlineData("CdsHooks:MaxRequestBodyBytes", "-1")]
    [InlineData("CdsHooks:MaxQueuedHookCalls", "-1")]
    public void A_setting_out_of_its_range_stops_the_start_and_is_named(string key, string value)
    {
        var start = () => CdsHooksHost.Start(settings: new Dictionary<string, string?> { [key] = value }).Dispose();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains(key.Split(':')[1], StringComparison.Ordinal));
    }

    [Fact]
    public void A_trusted_client_without_an_issuer_stops_the_start()
    {
        var start = () => CdsHooksHost.Start(trustTestClient: false, settings: new Dictionary<string, string?>
        {
            ["CdsHooks:TrustedClients:0:Issuer"] = "",
            ["CdsHooks:TrustedClients:0:JwksFile"] = "client.jwks.json",
        }).Dispose();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("Issuer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Durations_are_read_as_time_spans()
    {
        // Arrange
        using var host = CdsHooksHost.Start(settings: new Dictionary<string, string?>
        {
            ["CdsHooks:FhirServerTimeout"] = "00:00:02",
            ["CdsHooks:TokenClockSkew"] = "00:00:10",
            ["CdsHooks:MaxTokenLifetime"] = "00:10:00",
        });
        using var client = host.NewClient();

        // Act
        var answer = await Http.PostAsync(client, Http.Service, HookRequests.Example());

        // Assert
        answer.Status.Should().Be(HttpStatusCode.OK);
    }
}
