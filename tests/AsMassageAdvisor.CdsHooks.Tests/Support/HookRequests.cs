using System.Text.Json.Nodes;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.CdsHooks.Tests.Support;

/// <summary>
/// Builds CDS Hooks requests from a FHIR Bundle of a patient's data and draft orders: the ServiceRequests
/// go into <c>context.draftOrders</c>, the Patient, Conditions and Observations into the prefetch, as a
/// CDS client would send them.
/// </summary>
internal static class HookRequests
{
    public const string HookInstance = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea";

    /// <summary>The example bundle: AS with a fused cervical spine and a draft order for neck manipulation.</summary>
    public static string ExampleBundlePath => RepositoryFiles.Path("docs", "examples", "fhir", "as-cervical-fusion-neck-manipulation.bundle.json");

    /// <summary>The documented order-sign request.</summary>
    public static string ExampleRequestPath => RepositoryFiles.Path("docs", "examples", "fhir", "order-sign-request.json");

    public static JsonObject ExampleBundle() => JsonNode.Parse(File.ReadAllText(ExampleBundlePath))!.AsObject();

    /// <summary>A request for the example bundle.</summary>
    public static JsonObject Example(string hook = "order-sign") => FromBundle(ExampleBundle(), hook);

    /// <summary>A request for the resources of <paramref name="bundle"/>.</summary>
    public static JsonObject FromBundle(JsonObject bundle, string hook = "order-sign")
    {
        var resources = bundle["entry"]!.AsArray().Select(e => e!["resource"]!.AsObject()).ToList();
        var patient = resources.Single(r => Type(r) == "Patient");
        var patientId = patient["id"]!.GetValue<string>();
        var orders = resources.Where(r => Type(r) == "ServiceRequest").ToList();

        var context = new JsonObject
        {
            ["userId"] = "Practitioner/example",
            ["patientId"] = patientId,
            ["draftOrders"] = Bundle("collection", orders),
        };
        if (hook == "order-select")
        {
            context["selections"] = new JsonArray(orders.Select(o => (JsonNode)JsonValue.Create("ServiceRequest/" + o["id"]!.GetValue<string>())!).ToArray());
        }

        return new JsonObject
        {
            ["hookInstance"] = HookInstance,
            ["hook"] = hook,
            ["context"] = context,
            ["prefetch"] = new JsonObject
            {
                ["patient"] = patient.DeepClone(),
                ["conditions"] = SearchSet(resources.Where(r => Type(r) == "Condition")),
                ["observations"] = SearchSet(resources.Where(r => Type(r) == "Observation")),
            },
        };
    }

    /// <summary>A searchset Bundle of copies of the resources, or null for none, as the prefetch rules want.</summary>
    public static JsonNode? SearchSet(IEnumerable<JsonObject> resources)
    {
        var list = resources.ToList();
        return list.Count == 0 ? null : Bundle("searchset", list);
    }

    public static JsonObject Bundle(string type, IEnumerable<JsonObject> resources) => new()
    {
        ["resourceType"] = "Bundle",
        ["type"] = type,
        ["entry"] = new JsonArray(resources.Select(r => (JsonNode)new JsonObject { ["resource"] = r.DeepClone() }).ToArray()),
    };

    public static string Type(JsonNode resource) => resource["resourceType"]!.GetValue<string>();
}
