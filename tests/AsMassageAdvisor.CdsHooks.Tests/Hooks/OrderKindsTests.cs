using System.Net;
using System.Text.Json.Nodes;
using AsMassageAdvisor.CdsHooks.Tests.Support;

namespace AsMassageAdvisor.CdsHooks.Tests.Hooks;

public sealed class OrderKindsTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Draft_orders_without_a_service_request_get_no_cards_and_need_no_patient_data()
    {
        // Arrange: a medication order only, and no prefetch at all.
        using var client = fixture.Host.NewClient();
        var request = SmallRequests.Request();
        request.Remove("prefetch");
        request["context"]!["draftOrders"] = HookRequests.Bundle("collection", [new JsonObject
        {
            ["resourceType"] = "MedicationRequest",
            ["id"] = "m1",
            ["status"] = "draft",
            ["intent"] = "order",
            ["medicationCodeableConcept"] = new JsonObject { ["text"] = "Naproxen 500 mg" },
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + SmallRequests.PatientId },
        }]);

        // Act
        var (status, body, _) = await Http.PostAsync(client, Http.Service, request);

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        Http.Json(body).GetProperty("cards").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_service_request_that_cannot_be_read_as_massage_gets_a_warning_to_check_it_by_hand_not_silence()
    {
        using var client = fixture.Host.NewClient();

        var (status, body, _) = await Http.PostAsync(client, Http.Service, SmallRequests.Request());

        status.Should().Be(HttpStatusCode.OK);
        var cards = Http.Json(body).GetProperty("cards").EnumerateArray().ToList();
        cards.Should().Contain(c => c.GetProperty("indicator").GetString() == "warning"
            && c.GetProperty("detail").GetString()!.Contains("ServiceRequest/sr1", StringComparison.Ordinal));
    }
}
