using System.Net;
using System.Text.Json.Nodes;
using AsMassageAdvisor.CdsHooks.Tests.Support;

namespace AsMassageAdvisor.CdsHooks.Tests.Hooks;

/// <summary>Only the data of the patient in context is used; anything else is refused with its entry named.</summary>
public sealed class PatientDataTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    public static TheoryData<string, JsonObject> ForeignSubjects => new()
    {
        { "urn:uuid of another patient", new JsonObject { ["reference"] = "urn:uuid:7d2c1f36-0000-4000-8000-000000000002" } },
        { "identifier only", new JsonObject { ["identifier"] = new JsonObject { ["system"] = "urn:mrn", ["value"] = "12345" } } },
        { "a group", new JsonObject { ["reference"] = "Group/ward-3" } },
        { "display only", new JsonObject { ["display"] = "Mrs Example" } },
        { "another patient, absolute", new JsonObject { ["reference"] = "https://ehr.example.org/fhir/Patient/p2" } },
    };

    [Theory]
    [MemberData(nameof(ForeignSubjects))]
    public async Task A_condition_whose_subject_is_not_the_patient_in_context_is_400_naming_it(string kind, JsonObject subject)
    {
        // Arrange
        using var client = fixture.Host.NewClient();
        var request = SmallRequests.Request();
        var condition = SmallRequests.Condition();
        condition["subject"] = subject;

        request["prefetch"]!["conditions"] = HookRequests.Bundle("searchset", [condition]);

        // Act
        var (status, body, _) = await Http.PostAsync(client, Http.Service, request);

        // Assert
        status.Should().Be(HttpStatusCode.BadRequest, kind);
        Http.ProblemPaths(body).Should().Equal("Condition/c1");
    }

    [Fact]
    public async Task An_observation_without_a_subject_is_400_naming_it()
    {
        using var client = fixture.Host.NewClient();
        var request = SmallRequests.Request();
        request["prefetch"]!["observations"] = HookRequests.Bundle("searchset", [new JsonObject
        {
            ["resourceType"] = "Observation",
            ["id"] = "o1",
            ["status"] = "final",
            ["code"] = new JsonObject { ["text"] = "Pain" },
        }]);

        var (status, body, _) = await Http.PostAsync(client, Http.Service, request);

        status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(body).Should().Equal("Observation/o1");
    }

    [Fact]
    public async Task Another_patients_remission_cannot_remove_the_flare_warning()
    {
        // Arrange: the patient's AS is in relapse; a second AS condition "in remission" is another patient's.
        using var client = fixture.Host.NewClient();
        var request = HookRequests.Example();
        var patientId = request["context"]!["patientId"]!.GetValue<string>();
        var conditions = request["prefetch"]!["conditions"]!["entry"]!.AsArray();
        var other = new JsonObject
        {
            ["resourceType"] = "Condition",
            ["id"] = "other-as",
            ["clinicalStatus"] = Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "remission"),
            ["code"] = Coding("http://snomed.info/sct", "9631008"),
            ["subject"] = new JsonObject { ["reference"] = "urn:uuid:7d2c1f36-0000-4000-8000-000000000002" },
        };
        conditions.Add(new JsonObject { ["resource"] = other });

        // Act
        var (status, body, _) = await Http.PostAsync(client, Http.Service, request);

        // Assert
        status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(body).Should().Equal("Condition/other-as");
        body.Should().NotContain(patientId + "\"", "the error names the entry, not the patient");
    }

    [Fact]
    public async Task Every_entry_about_someone_else_is_named_at_once()
    {
        using var client = fixture.Host.NewClient();
        var request = SmallRequests.Request();
        var second = SmallRequests.Condition("Group/g");
        second["id"] = "c2";
        request["prefetch"]!["conditions"] = HookRequests.Bundle("searchset", [SmallRequests.Condition("urn:uuid:00000000-0000-4000-8000-000000000009"), second]);
        request["context"]!["draftOrders"] = HookRequests.Bundle("collection", [SmallRequests.Order("Patient/p2")]);

        var (status, body, _) = await Http.PostAsync(client, Http.Service, request);

        status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(body).Should().BeEquivalentTo("Condition/c1", "Condition/c2", "ServiceRequest/sr1");
    }

    [Theory]
    [InlineData("Patient/p1")]
    [InlineData("https://ehr.example.org/fhir/Patient/p1")]
    [InlineData("Patient/p1/_history/3")]
    public async Task A_subject_that_names_the_patient_in_context_is_accepted(string reference)
    {
        using var client = fixture.Host.NewClient();
        var request = SmallRequests.Request();
        request["prefetch"]!["conditions"] = HookRequests.Bundle("searchset", [SmallRequests.Condition(reference)]);

        var (status, _, _) = await Http.PostAsync(client, Http.Service, request);

        status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_urn_uuid_subject_is_accepted_only_when_a_bundle_entry_of_that_full_url_is_the_patient_in_context()
    {
        // Arrange: the draft orders bundle carries the patient under a urn:uuid fullUrl, as Synthea writes it.
        using var client = fixture.Host.NewClient();
        const string fullUrl = "urn:uuid:5f0c6a4e-1d2b-4c3a-9e8f-00000000000a";
        var request = SmallRequests.Request();
        var orders = HookRequests.Bundle("collection", [SmallRequests.Order(fullUrl)]);
        orders["entry"]!.AsArray().Add(new JsonObject { ["fullUrl"] = fullUrl, ["resource"] = SmallRequests.Patient() });
        request["context"]!["draftOrders"] = orders;
        request["prefetch"]!["conditions"] = HookRequests.Bundle("searchset", [SmallRequests.Condition(fullUrl)]);
        var unmapped = request.DeepClone().AsObject();
        unmapped["prefetch"]!["conditions"] = HookRequests.Bundle("searchset", [SmallRequests.Condition("urn:uuid:5f0c6a4e-1d2b-4c3a-9e8f-00000000000b")]);

        // Act
        var mapped = await Http.PostAsync(client, Http.Service, request);
        var other = await Http.PostAsync(client, Http.Service, unmapped);

        // Assert
        mapped.Status.Should().Be(HttpStatusCode.OK);
        other.Status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(other.Body).Should().Equal("Condition/c1");
    }

    [Theory]
    [InlineData("Patient/other-patient")]
    [InlineData("https://ehr.example.org/fhir/Patient/other-patient")]
    [InlineData("https://ehr.example.org/fhir/Condition/c9")]
    public async Task A_full_url_that_names_another_resource_does_not_make_its_data_the_patients(string alias)
    {
        // Arrange: the patient in context is carried under a fullUrl that names someone (or something) else, and
        // another patient's fusion Condition refers to that address.
        using var client = fixture.Host.NewClient();
        var request = HookRequests.Example();
        var patientId = request["context"]!["patientId"]!.GetValue<string>();
        var orders = request["context"]!["draftOrders"]!["entry"]!.AsArray();
        orders.Add(new JsonObject { ["fullUrl"] = alias, ["resource"] = SmallRequests.Patient(patientId) });
        var conditions = request["prefetch"]!["conditions"]!["entry"]!.AsArray();
        var fusion = conditions.Select(e => e!["resource"]!.AsObject()).Single(c => c["code"]!.ToJsonString().Contains("M43.2", StringComparison.Ordinal));
        fusion["id"] = "other-fusion";
        fusion["subject"] = new JsonObject { ["reference"] = alias };

        // Act
        var (status, body, _) = await Http.PostAsync(client, Http.Service, request);

        // Assert
        status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(body).Should().Equal("Condition/other-fusion");
    }

    [Fact]
    public async Task A_fusion_condition_contained_in_the_order_gives_the_same_critical_advice_as_one_on_record()
    {
        // Arrange: the fusion Condition moves from the prefetch into the manipulation order.
        using var client = fixture.Host.NewClient();
        var onRecord = HookRequests.Example();
        var contained = HookRequests.Example();
        var conditions = contained["prefetch"]!["conditions"]!["entry"]!.AsArray();
        var fusion = conditions.Select(e => e!["resource"]!.AsObject()).Single(c => c["code"]!.ToJsonString().Contains("M43.2", StringComparison.Ordinal));
        conditions.Remove(conditions.Single(e => ReferenceEquals(e!["resource"], fusion)));
        var order = contained["context"]!["draftOrders"]!["entry"]!.AsArray().Select(e => e!["resource"]!.AsObject())
            .Single(o => o["id"]!.GetValue<string>() == ExampleScenarioTests.ManipulationOrder());
        fusion.Parent!.AsObject().Remove("resource");
        order["contained"] = new JsonArray(fusion);
        order["reasonReference"] = new JsonArray(new JsonObject { ["reference"] = "#" + fusion["id"]!.GetValue<string>() });

        // Act
        var expected = await Http.PostAsync(client, Http.Service, onRecord);
        var actual = await Http.PostAsync(client, Http.Service, contained);

        // Assert
        actual.Status.Should().Be(HttpStatusCode.OK);
        Critical(actual.Body).Should().NotBeEmpty().And.Equal(Critical(expected.Body));
    }

    [Fact]
    public async Task A_contained_condition_about_another_patient_is_400()
    {
        using var client = fixture.Host.NewClient();
        var request = SmallRequests.Request();
        var order = SmallRequests.Order();
        var condition = SmallRequests.Condition("Patient/p2");
        condition["id"] = "inner";
        order["contained"] = new JsonArray(condition);
        order["reasonReference"] = new JsonArray(new JsonObject { ["reference"] = "#inner" });
        request["context"]!["draftOrders"] = HookRequests.Bundle("collection", [order]);

        var (status, body, _) = await Http.PostAsync(client, Http.Service, request);

        status.Should().Be(HttpStatusCode.BadRequest);
        Http.ProblemPaths(body).Should().Equal("ServiceRequest/sr1#inner");
    }

    [Fact]
    public async Task A_tnf_inhibitor_in_the_prefetched_medications_is_no_longer_a_fact_not_on_record()
    {
        // Arrange
        using var client = fixture.Host.NewClient();
        var without = HookRequests.Example();
        var with = HookRequests.Example();
        var patientId = with["context"]!["patientId"]!.GetValue<string>();
        with["prefetch"]!["medicationStatements"] = HookRequests.Bundle("searchset", [new JsonObject
        {
            ["resourceType"] = "MedicationStatement",
            ["id"] = "ms1",
            ["status"] = "active",
            ["medicationCodeableConcept"] = Coding("http://www.whocc.no/atc", "L04AB04"),
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + patientId },
        }]);

        // Act
        var before = await Http.PostAsync(client, Http.Service, without);
        var after = await Http.PostAsync(client, Http.Service, with);

        // Assert
        before.Status.Should().Be(HttpStatusCode.OK);
        after.Status.Should().Be(HttpStatusCode.OK);
        before.Body.Should().Contain("Is the patient taking a TNF inhibitor?");
        after.Body.Should().NotContain("Is the patient taking a TNF inhibitor?");
    }

    private static List<string> Critical(string body) =>
        Http.Json(body).GetProperty("cards").EnumerateArray()
            .Where(c => c.GetProperty("indicator").GetString() == "critical")
            .Select(c => c.GetProperty("summary").GetString()!).ToList();

    private static JsonObject Coding(string system, string code) =>
        new() { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) };
}
