using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using AsMassageAdvisor.CdsHooks.Tests.Support;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.CdsHooks.Tests.Process;

/// <summary>
/// The built service as its own process, as it is deployed: a copy of its build output with its own
/// appsettings.json, started with <c>dotnet</c> from another working directory, on a free loopback port.
/// </summary>
public sealed class ServiceProcessTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "as-massage-cds-tests", "process-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_started_service_reads_its_own_settings_answers_discovery_and_takes_only_signed_calls()
    {
        // Arrange: the app's own appsettings.json names the trusted client; nothing else does.
        var app = CopyBuiltService();
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(app, "appsettings.json")))!.AsObject();
        settings["CdsHooks"]!["TrustedClients"] = new JsonArray(new JsonObject
        {
            ["Issuer"] = ClientKeys.Trusted.Issuer,
            ["JwksFile"] = ClientKeys.Trusted.JwksFile,
        });
        File.WriteAllText(Path.Combine(app, "appsettings.json"), settings.ToJsonString());
        var elsewhere = Directory.CreateDirectory(Path.Combine(folder, "elsewhere")).FullName;
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var service = Start(app, elsewhere, port, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["CdsHooks__PublicBaseUrl"] = address.AbsoluteUri,
            ["CdsHooks__FeedbackFile"] = Path.Combine(folder, "feedback", "feedback.jsonl"),
        });
        try
        {
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

            // Act
            var discovery = await WaitForDiscoveryAsync(client, service);
            var anonymous = await PostAsync(client, token: null);
            var signed = await PostAsync(client, ClientKeys.Trusted.Token(new Uri(address, Http.Service).AbsoluteUri));

            // Assert
            discovery.Should().Be(HttpStatusCode.OK);
            anonymous.Should().Be(HttpStatusCode.Unauthorized);
            signed.Should().Be(HttpStatusCode.OK, "the trusted client comes from the app's own appsettings.json, read although the working directory is elsewhere");
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task The_started_service_refuses_to_run_unauthenticated_in_production()
    {
        // Arrange
        var app = CopyBuiltService();
        var elsewhere = Directory.CreateDirectory(Path.Combine(folder, "elsewhere")).FullName;

        // Act
        using var service = Start(app, elsewhere, FreePort(), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["CdsHooks__PublicBaseUrl"] = "https://cds.test.example",
            ["CdsHooks__AllowUnauthenticated"] = "true",
        });
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await service.WaitForExitAsync(limit.Token);
        }
        finally
        {
            if (!service.HasExited)
            {
                service.Kill(entireProcessTree: true);
            }
        }

        // Assert
        service.ExitCode.Should().NotBe(0);
    }

    private string CopyBuiltService() => CopyBuiltService(folder);

    /// <summary>Copies the built service into <paramref name="folder"/>/app and returns that folder.</summary>
    internal static string CopyBuiltService(string folder)
    {
        // The test's own output folder is …/bin/<Configuration>/<TargetFramework>/; the service is built alongside.
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var built = RepositoryFiles.Path("src", "AsMassageAdvisor.CdsHooks", "bin", output.Parent!.Name, output.Name);
        File.Exists(Path.Combine(built, "AsMassageAdvisor.CdsHooks.dll")).Should().BeTrue("the service is built before its tests ({0})", built);
        var app = Path.Combine(folder, "app");
        foreach (var file in Directory.EnumerateFiles(built, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(app, Path.GetRelativePath(built, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return app;
    }

    internal static System.Diagnostics.Process Start(string app, string workingDirectory, int port, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(app, "AsMassageAdvisor.CdsHooks.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("CdsHooks", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = System.Diagnostics.Process.Start(start)!;

        // Drained so that a full pipe never blocks the service.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task<HttpStatusCode> WaitForDiscoveryAsync(HttpClient client, System.Diagnostics.Process service)
    {
        // A generous wait: the machine may be busy with other builds.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            service.HasExited.Should().BeFalse("the service keeps running");
            try
            {
                using var response = await client.GetAsync("/cds-services");
                return response.StatusCode;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string? token)
    {
        using var content = new StringContent(HookRequests.Example().ToJsonString(), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Http.Service) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
