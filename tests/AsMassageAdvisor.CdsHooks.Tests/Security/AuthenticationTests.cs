using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AsMassageAdvisor.CdsHooks.Tests.Support;
using AsMassageAdvisor.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AsMassageAdvisor.CdsHooks.Tests.Security;

/// <summary>CDS Hooks 2.0 client authentication: a JWT signed by a trusted client on every hook and feedback call.</summary>
public sealed class AuthenticationTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private static readonly ClientKeys Keys = ClientKeys.Trusted;

    private Uri Endpoint => new(fixture.Host.Address, Http.Service);

    [Fact]
    public async Task A_hook_call_without_a_token_is_401_with_a_problem_body_and_no_cards()
    {
        using var client = fixture.Host.NewAnonymousClient();

        var (status, body, mediaType) = await Http.PostAsync(client, Http.Service, HookRequests.Example());

        status.Should().Be(HttpStatusCode.Unauthorized);
        mediaType.Should().Be("application/problem+json");
        var problem = Http.Json(body);
        problem.GetProperty("status").GetInt32().Should().Be(401);
        problem.GetProperty("title").GetString().Should().Contain("signed JWT");
        problem.TryGetProperty("cards", out _).Should().BeFalse();
    }

    [Fact]
    public async Task An_es384_token_of_a_trusted_client_for_this_endpoint_is_accepted()
    {
        var (status, _) = await CallAsync(Keys.Token(Endpoint.AbsoluteUri));

        status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_rs384_token_of_a_trusted_client_is_accepted()
    {
        var (status, _) = await CallAsync(Keys.Token(Endpoint.AbsoluteUri, Keys.Rs384));

        status.Should().Be(HttpStatusCode.OK);
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "garbage", "could not be read" },
        { "alg none", "token" },
        { "HS384", "token" },
        { "RS256", "token" },
        { "expired", "expired" },
        { "issued in the future", "token" },
        { "other audience", "aud" },
        { "audience of another service", "aud" },
        { "untrusted issuer", "token" },
        { "trusted issuer, unknown key", "signature" },
        { "lifetime of an hour", "lives longer" },
        { "no jti", "jti" },
        { "jti of 257 characters", "longer than 256" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_hook_call_with_a_token_that_is_not_valid_is_401(string kind, string word)
    {
        // Arrange
        var token = BadToken(kind, Endpoint.AbsoluteUri);

        // Act
        var (status, body) = await CallAsync(token);

        // Assert
        status.Should().Be(HttpStatusCode.Unauthorized);
        Http.Json(body).GetProperty("detail").GetString().Should().Contain(word);
    }

    [Fact]
    public async Task A_token_is_taken_once_and_its_replay_is_401()
    {
        var token = Keys.Token(Endpoint.AbsoluteUri);

        var first = await CallAsync(token);
        var replay = await CallAsync(token);

        first.Status.Should().Be(HttpStatusCode.OK);
        replay.Status.Should().Be(HttpStatusCode.Unauthorized);
        replay.Body.Should().Contain("used before");
    }

    [Fact]
    public async Task A_feedback_call_takes_a_token_for_the_feedback_endpoint_or_for_its_service()
    {
        using var client = fixture.Host.NewClient();
        var (card, suggestion) = await FeedbackBodies.IssueAsync(client);
        var feedback = new Uri(fixture.Host.Address, Http.Service + "/feedback");

        var forFeedback = await CallAsync(Keys.Token(feedback.AbsoluteUri), feedback, FeedbackBodies.Accepted(card, suggestion).ToJsonString());
        var forService = await CallAsync(Keys.Token(Endpoint.AbsoluteUri), feedback, FeedbackBodies.Accepted(card, suggestion).ToJsonString());
        var garbage = await CallAsync("garbage", feedback, FeedbackBodies.Accepted(card, suggestion).ToJsonString());

        forFeedback.Status.Should().Be(HttpStatusCode.OK);
        forService.Status.Should().Be(HttpStatusCode.OK);
        garbage.Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Behind_a_proxy_the_audience_is_the_public_base_url_plus_the_path()
    {
        // Arrange
        using var host = CdsHooksHost.Start(settings: new Dictionary<string, string?> { ["CdsHooks:PublicBaseUrl"] = "https://cds.hospital.example/" });
        var endpoint = new Uri(host.Address, Http.Service);

        // Act
        var asPublished = await CallAsync(Keys.Token("https://cds.hospital.example" + Http.Service), endpoint);
        var asSeen = await CallAsync(Keys.Token(endpoint.AbsoluteUri), endpoint);

        // Assert
        asPublished.Status.Should().Be(HttpStatusCode.OK);
        asSeen.Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cds.hospital.example")]
    [InlineData("https://cds.hospital.example/?x=1")]
    public void Outside_development_the_service_does_not_start_without_a_usable_public_base_url(string? publicBaseUrl)
    {
        // Without it the audience would follow the Host header, which the caller chooses.
        var settings = new Dictionary<string, string?> { ["CdsHooks:PublicBaseUrl"] = publicBaseUrl };

        var start = () => CdsHooksHost.Start(environment: "Production", settings: settings).Dispose();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("CdsHooks:PublicBaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_for_the_host_a_caller_names_is_401_and_the_answer_does_not_echo_an_address()
    {
        // Arrange: the token is minted for evil.example and sent with Host: evil.example.
        using var host = CdsHooksHost.Start(environment: "Production");
        var endpoint = new Uri(host.Address, Http.Service);
        using var client = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(HookRequests.Example().ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = "evil.example";
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Keys.Token("http://evil.example" + Http.Service));

        // Act
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        body.Should().NotContain("evil.example").And.NotContain(CdsHooksHost.TestPublicBaseUrl);
        Http.Json(body).GetProperty("detail").GetString().Should().Contain("aud").And.NotContain("://");
    }

    [Fact]
    public async Task With_no_trusted_client_the_service_starts_answers_discovery_and_refuses_every_hook_call()
    {
        // Arrange
        using var host = CdsHooksHost.Start(trustTestClient: false);
        using var client = host.NewClient();

        // Act
        using var discovery = await client.GetAsync("/cds-services");
        var (hook, _, _) = await Http.PostAsync(client, Http.Service, HookRequests.Example());
        var (feedback, _, _) = await Http.PostAsync(client, Http.Service + "/feedback", FeedbackBodies.Overridden(FeedbackBodies.UnknownCard));

        // Assert
        discovery.StatusCode.Should().Be(HttpStatusCode.OK);
        hook.Should().Be(HttpStatusCode.Unauthorized, "the service is never open by default");
        feedback.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_unauthenticated_switch_works_in_development_and_warns_at_start()
    {
        // Arrange
        using var logs = new CapturingLoggerProvider();
        using var host = CdsHooksHost.Start(
            trustTestClient: false, logs: logs, settings: new Dictionary<string, string?> { ["CdsHooks:AllowUnauthenticated"] = "true" });
        using var client = host.NewAnonymousClient();

        // Act
        var (status, _, _) = await Http.PostAsync(client, Http.Service, HookRequests.Example());

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        logs.Records.Should().Contain(r => r.Level == LogLevel.Warning && r.Message.Contains("AllowUnauthenticated", StringComparison.Ordinal));
    }

    [Fact]
    public void The_unauthenticated_switch_stops_the_start_outside_development()
    {
        var start = () => CdsHooksHost.Start(
            environment: "Production", settings: new Dictionary<string, string?> { ["CdsHooks:AllowUnauthenticated"] = "true" }).Dispose();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("AllowUnauthenticated", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Production", "http://127.0.0.1:9/jwks.json", null)]
    [InlineData("Development", "http://127.0.0.1:9/jwks.json", "client.jwks.json")]
    [InlineData("Development", null, null)]
    public void A_trusted_client_without_exactly_one_usable_key_source_stops_the_start(string environment, string? url, string? file)
    {
        var settings = new Dictionary<string, string?> { ["CdsHooks:TrustedClients:0:Issuer"] = "https://ehr.example/client" };
        if (url is not null)
        {
            settings["CdsHooks:TrustedClients:0:JwksUrl"] = url;
        }

        if (file is not null)
        {
            settings["CdsHooks:TrustedClients:0:JwksFile"] = file;
        }

        var start = () => CdsHooksHost.Start(environment: environment, trustTestClient: false, settings: settings).Dispose();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("JwksUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keys_can_come_from_the_clients_key_set_address()
    {
        // Arrange: the key set served over loopback by a small web server.
        await using var keyServer = await FakeFhirServer.StartAsync(new Dictionary<string, string> { ["jwks.json"] = Keys.Jwks() });
        using var host = CdsHooksHost.Start(trustTestClient: false, settings: new Dictionary<string, string?>
        {
            ["CdsHooks:TrustedClients:0:Issuer"] = Keys.Issuer,
            ["CdsHooks:TrustedClients:0:JwksUrl"] = keyServer.BaseAddress + "/jwks.json",
        });
        var endpoint = new Uri(host.Address, Http.Service);

        // Act
        var (status, _) = await CallAsync(Keys.Token(endpoint.AbsoluteUri), endpoint);

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        keyServer.Requests.Should().ContainSingle(r => r.Query == "jwks.json");
    }

    [Fact]
    public async Task A_cross_origin_text_plain_post_is_not_processed()
    {
        // A web page can send text/plain to any origin without a preflight; it cannot add a token.
        using var client = fixture.Host.NewAnonymousClient();
        using var content = new StringContent(HookRequests.Example().ToJsonString(), Encoding.UTF8, "text/plain");
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, Http.Service) { Content = content };
        request.Headers.Add("Origin", "https://attacker.example");

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Fact]
    public async Task A_text_plain_body_is_415_even_with_a_valid_token()
    {
        using var client = fixture.Host.NewClient();
        using var content = new StringContent(HookRequests.Example().ToJsonString(), Encoding.UTF8, "text/plain");

        using var response = await client.PostAsync(Http.Service, content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Cors_answers_only_the_configured_origins()
    {
        // Arrange
        using var host = CdsHooksHost.Start(settings: new Dictionary<string, string?> { ["CdsHooks:AllowedOrigins:0"] = "https://ehr.hospital.example" });
        using var client = host.NewAnonymousClient();

        // Act
        var allowed = await PreflightAsync(client, "https://ehr.hospital.example");
        var other = await PreflightAsync(client, "https://attacker.example");
        var byDefault = await PreflightAsync(fixture.Host.NewAnonymousClient(), "https://ehr.hospital.example");

        // Assert
        allowed.Should().Be("https://ehr.hospital.example");
        other.Should().BeNull();
        byDefault.Should().BeNull("no origin is allowed unless configured");
    }

    private static async Task<string?> PreflightAsync(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, Http.Service);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        using var response = await client.SendAsync(request);
        return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
    }

    private Task<(HttpStatusCode Status, string Body)> CallAsync(string token) => CallAsync(token, Endpoint);

    private static async Task<(HttpStatusCode Status, string Body)> CallAsync(string token, Uri endpoint, string? body = null)
    {
        var (status, answer, _) = await Http.PostWithTokenAsync(endpoint, token, body);
        return (status, answer);
    }

    private static string BadToken(string kind, string audience)
    {
        var handler = new JsonWebTokenHandler();
        var now = DateTime.UtcNow;
        SecurityTokenDescriptor Descriptor(SigningCredentials? credentials) => new()
        {
            Issuer = Keys.Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(2),
            Claims = new Dictionary<string, object> { ["jti"] = Guid.NewGuid().ToString("N") },
            SigningCredentials = credentials,
        };

        return kind switch
        {
            "garbage" => "garbage",
            "alg none" => handler.CreateToken(Descriptor(null)),
            "HS384" => handler.CreateToken(Descriptor(new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 64))) { KeyId = "ec-1" }, SecurityAlgorithms.HmacSha384))),
            "RS256" => handler.CreateToken(Descriptor(new SigningCredentials(Keys.RsaKey, SecurityAlgorithms.RsaSha256))),
            "expired" => Keys.Token(audience, issuedAt: now.AddMinutes(-10)),
            "issued in the future" => Keys.Token(audience, issuedAt: now.AddMinutes(10)),
            "other audience" => Keys.Token("https://other.example/cds-services/as-massage-safety"),
            "audience of another service" => Keys.Token(audience + "-other"),
            "untrusted issuer" => new ClientKeys("https://untrusted.example/client").Token(audience),
            "trusted issuer, unknown key" => new JsonWebTokenHandler().CreateToken(Descriptor(new SigningCredentials(
                new ECDsaSecurityKey(System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384)) { KeyId = "ec-1" },
                SecurityAlgorithms.EcdsaSha384))),
            "lifetime of an hour" => Keys.Token(audience, lifetime: TimeSpan.FromHours(1)),
            "jti of 257 characters" => Keys.Token(audience, jti: new string('j', 257)),
            "no jti" => handler.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Keys.Issuer, Audience = audience, IssuedAt = now, NotBefore = now, Expires = now.AddMinutes(2),
                SigningCredentials = new SigningCredentials(Keys.EcKey, SecurityAlgorithms.EcdsaSha384),
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
