using System.Text.Json.Nodes;

namespace AsMassageAdvisor.CdsHooks.Tests.Support;

/// <summary>
/// A small, well-formed hook request of its own (patient p1, one condition, one draft order), for the
/// checks that end before the data is mapped: request shape, prefetch presence, patient consistency.
/// </summary>
internal static class SmallRequests
{
    public const string PatientId = "p1";

    public static JsonObject Patient(string id = PatientId) => new() { ["resourceType"] = "Patient", ["id"] = id };

    public static JsonObject Condition(string subject = "Patient/" + PatientId) => new()
    {
        ["resourceType"] = "Condition",
        ["id"] = "c1",
        ["code"] = new JsonObject { ["text"] = "Ankylosing spondylitis" },
        ["subject"] = new JsonObject { ["reference"] = subject },
    };

    public static JsonObject Order(string subject = "Patient/" + PatientId) => new()
    {
        ["resourceType"] = "ServiceRequest",
        ["id"] = "sr1",
        ["status"] = "draft",
        ["intent"] = "order",
        ["code"] = new JsonObject { ["text"] = "Massage" },
        ["subject"] = new JsonObject { ["reference"] = subject },
    };

    public static JsonObject Request(string hook = "order-sign") => new()
    {
        ["hookInstance"] = HookRequests.HookInstance,
        ["hook"] = hook,
        ["context"] = new JsonObject
        {
            ["userId"] = "Practitioner/example",
            ["patientId"] = PatientId,
            ["draftOrders"] = HookRequests.Bundle("collection", [Order()]),
        },
        ["prefetch"] = new JsonObject
        {
            ["patient"] = Patient(),
            ["conditions"] = HookRequests.Bundle("searchset", [Condition()]),
            ["observations"] = null,
        },
    };
}
