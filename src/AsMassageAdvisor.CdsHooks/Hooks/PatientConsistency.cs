using System.Text.RegularExpressions;
using AsMassageAdvisor.Reading;
using Hl7.Fhir.Model;

namespace AsMassageAdvisor.CdsHooks.Hooks;

/// <summary>
/// Checks that the data of a call is about the patient in context: a condition or an order of another
/// patient would make the advice wrong for both.
/// </summary>
internal static partial class PatientConsistency
{
    /// <summary>Throws when a resource names another patient.</summary>
    /// <param name="patientId">The patient in context.</param>
    /// <param name="resources">The resources of the call.</param>
    /// <exception cref="InvalidRequestException">A resource is about another patient.</exception>
    public static void Check(string patientId, IEnumerable<Resource> resources)
    {
        var problems = new List<InputError>();
        foreach (var resource in resources)
        {
            var other = resource switch
            {
                Patient p when p.Id is not null && p.Id != patientId => p.Id,
                Condition c => OtherPatient(c.Subject, patientId),
                Observation o => OtherPatient(o.Subject, patientId),
                ServiceRequest s => OtherPatient(s.Subject, patientId),
                _ => null,
            };
            if (other is not null)
            {
                problems.Add(new InputError(
                    $"{resource.TypeName}/{resource.Id}",
                    $"is about Patient/{other}, not the patient in context (context.patientId)"));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidRequestException(problems);
        }
    }

    private static string? OtherPatient(ResourceReference? subject, string patientId)
    {
        var match = subject?.Reference is { } reference ? PatientReference().Match(reference) : Match.Empty;
        return match.Success && match.Groups["id"].Value != patientId ? match.Groups["id"].Value : null;
    }

    [GeneratedRegex("(?:^|/)Patient/(?<id>[A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PatientReference();
}
