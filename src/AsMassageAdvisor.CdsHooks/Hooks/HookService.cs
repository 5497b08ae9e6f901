using System.Diagnostics;
using AsMassageAdvisor.CdsHooks.Discovery;
using AsMassageAdvisor.CdsHooks.Feedback;
using AsMassageAdvisor.Fhir;
using AsMassageAdvisor.Fhir.CdsHooks;
using AsMassageAdvisor.Reading;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace AsMassageAdvisor.CdsHooks.Hooks;

/// <summary>
/// Answers one hook call: gathers the patient's data, maps it and the draft orders to an assessment
/// request, assesses it with the shared advisor and writes the cards. Every card and suggestion gets a
/// new random uuid per call, remembered so that feedback can name it.
/// </summary>
internal sealed class HookService(
    PatientDataResolver resolver,
    IPlanAssessor assessor,
    IssuedCards issued,
    IFeedbackStore store,
    TimeProvider time,
    CdsTelemetry telemetry,
    IOptions<CdsHooksOptions> options,
    ILogger<HookService> logger)
{
    /// <summary>Answers a hook call with the CDS Hooks response JSON.</summary>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The response body, <c>{"cards": [...]}</c>.</returns>
    /// <exception cref="RequiredDataUnavailableException">Required data is missing and cannot be fetched.</exception>
    /// <exception cref="InvalidRequestException">The data is of the wrong kind or about another patient.</exception>
    /// <exception cref="PlanNotAssessableException">The mapped request is not valid for the advisor.</exception>
    public async Task<string> AnswerAsync(HookRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = CdsTelemetry.Source.StartActivity("cds.hook");
        activity?.SetTag("cds.hook", request.Hook);

        // The mapping reads massage orders (ServiceRequest); other draft orders, such as medications, are not
        // its concern. Without one, nothing this service checks is being ordered, and no patient data is needed.
        var orders = request.DraftOrders.Entry.Select(e => e.Resource).OfType<ServiceRequest>().ToList();
        CdsResponse response;
        Decision? decision = null;
        if (orders.Count == 0)
        {
            response = new CdsResponse { Cards = [] };
        }
        else
        {
            var patientData = await resolver.ResolveAsync(request, cancellationToken);
            List<Resource> resources = [.. patientData, .. orders];
            PatientConsistency.Check(request.PatientId, resources, PatientConsistency.FullUrlsOf(request));
            var mapping = FhirRequestMapper.Map(resources);
            if (mapping.CanBeAssessed)
            {
                Assessment assessment;
                try
                {
                    assessment = assessor.Assess(mapping.Request);
                }
                catch (InvalidRequestException ex)
                {
                    throw new PlanNotAssessableException(ex);
                }

                decision = assessment.Decision;
                response = CdsCardBuilder.Build(assessment, mapping, options.Value.MaxNotesListed);
            }
            else
            {
                // No order could be read as a technique on a region: the cards name the orders to check by hand.
                response = CdsCardBuilder.Build(null, mapping, options.Value.MaxNotesListed);
            }
        }

        response = WithFreshUuids(response);
        issued.Remember(response.Cards);

        // The report counts cards shown from the database, so they are recorded before they are shown.
        await store.RecordIssuedAsync(CdsServiceCatalogue.ServiceId, response.Cards, time.GetUtcNow(), cancellationToken);
        var json = CdsCardWriter.Serialize(response);
        telemetry.RecordHook(request.Hook, response.Cards, Stopwatch.GetElapsedTime(started));
        logger.HookAnswered(request.Hook, request.HookInstance, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        // The decision and the cards say something of the patient's health: Debug only.
        logger.HookDecision(request.HookInstance, decision?.ToString() ?? "none (no order assessed)", response.Cards.Count);
        return json;
    }

    // The library's uuids are derived from the content, so two patients with the same findings would share
    // them; random ones make every card of every call its own, as feedback needs.
    private static CdsResponse WithFreshUuids(CdsResponse response) => response with
    {
        Cards = response.Cards.Select(card => card with
        {
            Uuid = Guid.NewGuid().ToString("D"),
            Suggestions = card.Suggestions.Select(s => s with { Uuid = Guid.NewGuid().ToString("D") }).ToList().AsReadOnly(),
        }).ToList().AsReadOnly(),
    };
}
