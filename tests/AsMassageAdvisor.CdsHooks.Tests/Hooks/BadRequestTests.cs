using System.Net;
using System.Text.Json.Nodes;
using AsMassageAdvisor.CdsHooks.Tests.Support;

namespace AsMassageAdvisor.CdsHooks.Tests.Hooks;

public sealed class BadRequestTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    /// <summary>A change to the small valid request, the problem path expected and a word of the message.</summary>
    public static TheoryData<string, string, string> Mutations => new()
    {
        { "hook patient-view", "$.hook", "not served here" },
        { "no hook", "$.hook", "required" },
        { "no hookInstance", "$.hookInstance", "required" },
        { "hookInstance not a uuid", "$.hookInstance", "UUID" },
        { "no context", "$.context", "required" },
        { "context not an object", "$.context", "object" },
        { "no patientId", "$.context.patientId", "required" },
        { "patientId not a FHIR id", "$.context.patientId", "FHIR id" },
        { "no draftOrders", "$.context.draftOrders", "required" },
        { "draftOrders a Patient", "$.context.draftOrders", "must be a Bundle" },
        { "draftOrders not FHIR", "$.context.draftOrders", "not a readable FHIR R4 resource" },
        { "selections not strings", "$.context.selections", "array of strings" },
        { "prefetch not an object", "$.prefetch", "object" },
        { "conditions not FHIR", "$.prefetch.conditions", "not a readable FHIR R4 resource" },
        { "conditions holds a Patient", "$.prefetch.conditions", "only Condition" },
        { "fhirAuthorization without fhirServer", "$.fhirAuthorization", "without fhirServer" },
        { "fhirServer not http", "$.fhirServer", "http or https" },
        { "condition of another patient", "Condition/c1", "Patient/p2" },
        { "order of another patient", "ServiceRequest/sr1", "Patient/p2" },
        { "patient of another id", "Patient/p2", "not the patient in context" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task A_bad_request_is_400_naming_the_field_and_the_problem(string mutation, string path, string word)
    {
        // Arrange
        using var client = fixture.Host.NewClient();
        var request = SmallRequests.Request();
        Mutate(request, mutation);

        // Act
        var (status, body, mediaType) = await Http.PostAsync(client, Http.Service, request);

        // Assert
        status.Should().Be(HttpStatusCode.BadRequest);
        mediaType.Should().Be("application/problem+json");
        var problem = Http.Json(body);
        problem.GetProperty("title").GetString().Should().Contain("no advice was given");
        problem.TryGetProperty("cards", out _).Should().BeFalse("an error must never look like an answer without hazards");
        var problems = problem.GetProperty("problems").EnumerateArray().ToList();
        problems.Should().Contain(p => p.GetProperty("path").GetString() == path
            && p.GetProperty("message").GetString()!.Contains(word, StringComparison.Ordinal));
        problem.GetProperty("detail").GetString().Should().Contain(path);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"hook\": \"order-sign\",}")]
    [InlineData("not json")]
    public async Task Malformed_json_is_400_saying_so(string body)
    {
        using var client = fixture.Host.NewClient();

        var (status, answer, _) = await Http.PostAsync(client, Http.Service, body);

        status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(answer).Should().Equal("$");
        answer.Should().Contain("not valid JSON");
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("42")]
    public async Task A_body_that_is_not_a_json_object_is_400(string body)
    {
        using var client = fixture.Host.NewClient();

        var (status, answer, _) = await Http.PostAsync(client, Http.Service, body);

        status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(answer).Should().Equal("$");
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_400_saying_so()
    {
        using var host = CdsHooksHost.Start(settings: new Dictionary<string, string?> { ["CdsHooks:MaxRequestBodyBytes"] = "300" });
        using var client = host.NewClient();

        var (status, answer, _) = await Http.PostAsync(client, Http.Service, SmallRequests.Request());

        status.Should().Be(HttpStatusCode.BadRequest);
        answer.Should().Contain("larger than 300 bytes");
    }

    [Fact]
    public async Task Every_problem_of_a_request_is_named_at_once()
    {
        using var client = fixture.Host.NewClient();
        var request = SmallRequests.Request();
        request.Remove("hookInstance");
        request["hook"] = "patient-view";
        request["context"]!.AsObject().Remove("patientId");

        var (status, body, _) = await Http.PostAsync(client, Http.Service, request);

        status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(body).Should().Contain(["$.hook", "$.hookInstance", "$.context.patientId"]);
    }

    private static void Mutate(JsonObject request, string mutation)
    {
        var context = request["context"]!.AsObject();
        var prefetch = request["prefetch"]!.AsObject();
        switch (mutation)
        {
            case "hook patient-view": request["hook"] = "patient-view"; break;
            case "no hook": request.Remove("hook"); break;
            case "no hookInstance": request.Remove("hookInstance"); break;
            case "hookInstance not a uuid": request["hookInstance"] = "call-1"; break;
            case "no context": request.Remove("context"); break;
            case "context not an object": request["context"] = "p1"; break;
            case "no patientId": context.Remove("patientId"); break;
            case "patientId not a FHIR id": context["patientId"] = "../Patient/p1"; break;
            case "no draftOrders": context.Remove("draftOrders"); break;
            case "draftOrders a Patient": context["draftOrders"] = SmallRequests.Patient(); break;
            case "draftOrders not FHIR": context["draftOrders"] = new JsonObject { ["resourceType"] = "Bundle", ["entry"] = "none" }; break;
            case "selections not strings": context["selections"] = new JsonArray(1, 2); break;
            case "prefetch not an object": request["prefetch"] = new JsonArray(); break;
            case "conditions not FHIR": prefetch["conditions"] = new JsonObject { ["resourceType"] = "Condition", ["subject"] = 5 }; break;
            case "conditions holds a Patient": prefetch["conditions"] = HookRequests.Bundle("searchset", [SmallRequests.Patient()]); break;
            case "fhirAuthorization without fhirServer":
                request["fhirAuthorization"] = new JsonObject { ["access_token"] = "t", ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "patient/*.read", ["subject"] = "cds" };
                break;
            case "fhirServer not http": request["fhirServer"] = "ftp://example.org/fhir"; break;
            case "condition of another patient": prefetch["conditions"] = HookRequests.Bundle("searchset", [SmallRequests.Condition("Patient/p2")]); break;
            case "order of another patient": context["draftOrders"] = HookRequests.Bundle("collection", [SmallRequests.Order("https://ehr.example.org/fhir/Patient/p2")]); break;
            case "patient of another id": prefetch["patient"] = SmallRequests.Patient("p2"); break;
            default: throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null);
        }
    }

    [Fact]
    public async Task A_body_of_150000_unknown_fields_gets_a_small_answer_listing_the_first_20_and_a_count()
    {
        // Arrange: 1.7 MB of unknown fields at the top; before the problems were bounded this answer was 38.9 MB.
        using var client = fixture.Host.NewClient();
        var body = new System.Text.StringBuilder("{\"hook\":\"order-sign\"");
        for (var i = 0; i < 150_000; i++)
        {
            body.Append(",\"f").Append(i).Append("\":0");
        }

        body.Append('}');

        // Act
        var (status, answer, mediaType) = await Http.PostAsync(client, Http.Service, body.ToString());

        // Assert
        status.Should().Be(HttpStatusCode.BadRequest);
        mediaType.Should().Be("application/problem+json");
        answer.Length.Should().BeLessThan(16 * 1024);
        var paths = Http.ProblemPaths(answer);
        paths.Should().HaveCountLessThanOrEqualTo(21);
        Http.Json(answer).GetProperty("problems").EnumerateArray().Last().GetProperty("message").GetString()
            .Should().MatchRegex("^and [0-9]+ more problems not listed");
    }

    [Theory]
    [InlineData("hook", "$.hook")]
    [InlineData("hookInstance", "$.hookInstance")]
    [InlineData("patientId", "$.context.patientId")]
    [InlineData("fhirServer", "$.fhirServer")]
    public async Task An_unpaired_surrogate_in_a_field_is_400_naming_the_field(string field, string path)
    {
        // Arrange: the escape \ud800 is valid JSON but no .NET text; reading it used to throw and answer 500.
        using var client = fixture.Host.NewClient();
        var request = SmallRequests.Request();
        var target = field == "patientId" ? request["context"]!.AsObject() : request;
        target[field] = "SURROGATE";
        var body = request.ToJsonString().Replace("\"SURROGATE\"", "\"\\ud800\"", StringComparison.Ordinal);

        // Act
        var (status, answer, _) = await Http.PostAsync(client, Http.Service, body);

        // Assert
        status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(answer).Should().Contain(path);
    }
}
