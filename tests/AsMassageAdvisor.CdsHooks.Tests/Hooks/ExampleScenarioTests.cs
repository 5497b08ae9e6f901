using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsMassageAdvisor.CdsHooks.Tests.Support;
using AsMassageAdvisor.Knowledge;

namespace AsMassageAdvisor.CdsHooks.Tests.Hooks;

/// <summary>
/// The scenario the service exists for: a person with AS whose cervical spine is fused, and a draft order
/// for cervical spinal manipulation.
/// </summary>
public sealed class ExampleScenarioTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    public static TheoryData<string, string> PathsAndHooks => new()
    {
        { "/cds-services/as-massage-safety", "order-sign" },
        { "/cds-services/as-massage-safety", "order-select" },
    };

    [Theory]
    [MemberData(nameof(PathsAndHooks))]
    public async Task Neck_manipulation_with_a_fused_cervical_spine_gives_a_critical_card_citing_the_article_and_suggesting_to_delete_the_order(
        string path, string hook)
    {
        // Arrange
        using var client = fixture.Host.NewClient();
        var request = HookRequests.Example(hook);
        var order = ManipulationOrder();

        // Act
        var (status, body, mediaType) = await Http.PostAsync(client, path, request);

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        mediaType.Should().Be("application/json");
        var cards = Http.Json(body).GetProperty("cards").EnumerateArray().ToList();
        var critical = cards.Where(c => c.GetProperty("indicator").GetString() == "critical").ToList();
        critical.Should().NotBeEmpty();
        var article = KnowledgeBase.BuiltIn.Sources.Single(s => s.Id == "S0").Label;
        critical.Should().Contain(c => c.GetProperty("detail").GetString()!.Contains(article, StringComparison.Ordinal), "the advice comes from the source article (S0)");
        critical.SelectMany(Actions).Should().Contain(a =>
            a.GetProperty("type").GetString() == "delete" && ResourceIds(a).Contains("ServiceRequest/" + order));
    }

    [Fact]
    public async Task The_same_call_gets_the_same_bytes_apart_from_card_uuids_which_are_new_with_every_call()
    {
        using var client = fixture.Host.NewClient();

        var first = await Http.PostAsync(client, Http.Service, HookRequests.Example());
        var second = await Http.PostAsync(client, Http.Service, HookRequests.Example());

        first.Status.Should().Be(HttpStatusCode.OK);
        Http.WithoutUuids(second.Body).Should().Be(Http.WithoutUuids(first.Body));
        Http.CardUuids(first.Body).Should().NotBeEmpty().And.OnlyHaveUniqueItems();
        Http.CardUuids(second.Body).Should().NotIntersectWith(Http.CardUuids(first.Body));
    }

    [Fact]
    public async Task The_documented_request_is_the_example_bundle_as_an_order_sign_call_and_gets_the_same_cards()
    {
        // Arrange
        var built = HookRequests.Example();
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            await File.WriteAllTextAsync(HookRequests.ExampleRequestPath, built.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        using var client = fixture.Host.NewClient();
        var documented = JsonNode.Parse(await File.ReadAllTextAsync(HookRequests.ExampleRequestPath))!;

        // Act
        var fromDocs = await Http.PostAsync(client, Http.Service, documented);
        var fromBundle = await Http.PostAsync(client, Http.Service, built);

        // Assert
        JsonNode.DeepEquals(documented, built).Should().BeTrue("docs/examples/fhir/order-sign-request.json is built from the example bundle; rerun with UPDATE_DOCS=1");
        fromDocs.Status.Should().Be(HttpStatusCode.OK);
        Http.WithoutUuids(fromDocs.Body).Should().Be(Http.WithoutUuids(fromBundle.Body));
    }

    /// <summary>The id of the draft ServiceRequest for spinal manipulation in the example bundle.</summary>
    internal static string ManipulationOrder() =>
        HookRequests.ExampleBundle()["entry"]!.AsArray()
            .Select(e => e!["resource"]!)
            .Single(r => HookRequests.Type(r) == "ServiceRequest"
                && r["code"]!["coding"]!.AsArray().Any(c => c!["code"]!.GetValue<string>() == "spinalManipulation"))["id"]!.GetValue<string>();

    /// <summary>The resource an action names: CDS Hooks 2.0 gives <c>resourceId</c> as one relative reference.</summary>
    private static IReadOnlyList<string> ResourceIds(JsonElement action) =>
        action.TryGetProperty("resourceId", out var id) && id.ValueKind == JsonValueKind.String ? [id.GetString()!] : [];

    private static IEnumerable<JsonElement> Actions(JsonElement card) =>
        card.TryGetProperty("suggestions", out var suggestions)
            ? suggestions.EnumerateArray().SelectMany(s => s.TryGetProperty("actions", out var a) ? a.EnumerateArray() : Enumerable.Empty<JsonElement>())
            : [];
}
