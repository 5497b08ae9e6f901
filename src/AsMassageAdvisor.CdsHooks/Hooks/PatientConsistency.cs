using System.Text.RegularExpressions;
using AsMassageAdvisor.Reading;
using Hl7.Fhir.Model;

namespace AsMassageAdvisor.CdsHooks.Hooks;

/// <summary>
/// Checks that the data of a call is about the patient in context and no one else: every Condition,
/// Observation and ServiceRequest (and every resource contained in one) must name that patient as its
/// subject, by a relative or absolute <c>Patient/{id}</c> reference or by the <c>fullUrl</c> of a bundle
/// entry holding that patient. A subject that is missing, given only by identifier or display, a Group,
/// or any reference that does not resolve to the patient is refused: another person's condition would
/// make the advice wrong for both.
/// </summary>
internal static partial class PatientConsistency
{
    /// <summary>The <c>fullUrl</c>s under which the request's bundles hold the patient in context.</summary>
    /// <param name="request">The call.</param>
    /// <returns>The addresses.</returns>
    public static IReadOnlySet<string> FullUrlsOf(HookRequest request)
    {
        var urls = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<Bundle> bundles = [request.DraftOrders, .. request.Prefetch.Values.OfType<Bundle>()];
        foreach (var entry in bundles.SelectMany(b => b.Entry))
        {
            if (entry.Resource is Patient patient && patient.Id == request.PatientId && IsAliasFor(entry.FullUrl, request.PatientId))
            {
                urls.Add(entry.FullUrl);
            }
        }

        return urls;
    }

    /// <summary>
    /// Whether a bundle entry's <c>fullUrl</c> may stand for the patient: a <c>urn:uuid:</c> or <c>urn:oid:</c>
    /// (which names nothing by itself), or an address that is itself the patient's. A <c>fullUrl</c> of
    /// <c>Patient/other</c> (or of any other resource) is only a claim of the sender's; taking it would let another
    /// patient's data count as this one's.
    /// </summary>
    private static bool IsAliasFor([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? fullUrl, string patientId)
    {
        if (string.IsNullOrEmpty(fullUrl))
        {
            return false;
        }

        if (fullUrl.StartsWith("urn:uuid:", StringComparison.Ordinal) || fullUrl.StartsWith("urn:oid:", StringComparison.Ordinal))
        {
            return true;
        }

        var match = PatientReference().Match(fullUrl);
        return match.Success && match.Groups["id"].Value == patientId;
    }

    /// <summary>Throws when a resource is not, or not shown to be, about the patient in context.</summary>
    /// <param name="patientId">The patient in context.</param>
    /// <param name="resources">The resources of the call.</param>
    /// <param name="patientFullUrls">The bundle addresses that stand for the patient.</param>
    /// <exception cref="InvalidRequestException">A resource names another subject or none; every one is named.</exception>
    public static void Check(string patientId, IEnumerable<Resource> resources, IReadOnlySet<string> patientFullUrls)
    {
        var problems = new List<InputError>();
        foreach (var resource in resources)
        {
            Check(patientId, resource, patientFullUrls, FhirLabel(resource), problems);
            if (resource is DomainResource domain)
            {
                foreach (var contained in domain.Contained)
                {
                    Check(patientId, contained, patientFullUrls, $"{FhirLabel(resource)}#{contained.Id}", problems);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidRequestException(problems);
        }
    }

    private static void Check(string patientId, Resource resource, IReadOnlySet<string> fullUrls, string label, List<InputError> problems)
    {
        var subject = resource switch
        {
            Patient p => p.Id == patientId ? null : $"is Patient/{p.Id}, not the patient in context (context.patientId)",
            Condition c => Subject(c.Subject, patientId, fullUrls),
            Observation o => Subject(o.Subject, patientId, fullUrls),
            ServiceRequest s => Subject(s.Subject, patientId, fullUrls),
            MedicationStatement m => Subject(m.Subject, patientId, fullUrls),
            MedicationRequest m => Subject(m.Subject, patientId, fullUrls),
            _ => null,
        };
        if (subject is not null)
        {
            problems.Add(new InputError(label, subject));
        }
    }

    /// <summary>Null when the subject is the patient in context; otherwise what is wrong with it.</summary>
    private static string? Subject(ResourceReference? subject, string patientId, IReadOnlySet<string> fullUrls)
    {
        var reference = subject?.Reference;
        if (string.IsNullOrEmpty(reference))
        {
            return "has no subject reference to the patient in context; a subject given only by identifier or display, or none, is not used";
        }

        // A reference that names a patient is decided by that id alone, before any bundle address is consulted.
        var match = PatientReference().Match(reference);
        if (match.Success)
        {
            var id = match.Groups["id"].Value;
            return id == patientId ? null : $"is about Patient/{id}, not the patient in context (context.patientId)";
        }

        if (fullUrls.Contains(reference))
        {
            return null;
        }

        // The reference itself is not repeated: it may come from a fetched record.
        var kind = reference.StartsWith("urn:uuid:", StringComparison.Ordinal) ? "a urn:uuid that no bundle entry maps to the patient in context"
            : reference.Contains("Group/", StringComparison.Ordinal) ? "a Group, not a patient"
            : "a reference that does not resolve to the patient in context";
        return $"has a subject that is {kind} (context.patientId)";
    }

    private static string FhirLabel(Resource resource) => string.IsNullOrEmpty(resource.Id) ? $"{resource.TypeName} (no id)" : $"{resource.TypeName}/{resource.Id}";

    [GeneratedRegex("^(?:https?://[^?#]+/)?Patient/(?<id>[A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PatientReference();
}
