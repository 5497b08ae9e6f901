using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace AsMassageAdvisor.Fhir.Tests;

/// <summary>FHIR resources for tests, built in code or read from the repository's examples.</summary>
internal static class Resources
{
    public static string Root { get; } = FindRoot();

    public static Bundle ExampleBundle() =>
        new FhirJsonDeserializer().Deserialize<Bundle>(File.ReadAllText(Path.Combine(Root, "docs", "examples", "fhir", "as-cervical-fusion-neck-manipulation.bundle.json")));

    public static Condition Condition(string id, string system, string code, string? clinicalStatus = null, string? verification = null, params CodeableConcept[] bodySites)
    {
        var condition = new Condition { Id = id, Code = new CodeableConcept(system, code) };
        if (clinicalStatus is not null)
        {
            condition.ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", clinicalStatus);
        }

        if (verification is not null)
        {
            condition.VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", verification);
        }

        condition.BodySite.AddRange(bodySites);
        return condition;
    }

    public static Condition AnkylosingSpondylitis(string? clinicalStatus = null) => Condition("as", FhirCodes.Snomed, FhirCodes.SnomedAnkylosingSpondylitis, clinicalStatus);

    public static Observation Pain(string id, DataType? value, string? effective = null, ObservationStatus status = ObservationStatus.Final) => new()
    {
        Id = id,
        Status = status,
        Code = new CodeableConcept(FhirCodes.Loinc, FhirCodes.LoincPainSeverity),
        Value = value,
        Effective = effective is null ? null : new FhirDateTime(effective),
    };

    public static ServiceRequest Order(string? id, string? technique, string? region, string? pressure = null, RequestStatus status = RequestStatus.Draft, string regionSystem = FhirCodes.Region)
    {
        var order = new ServiceRequest { Id = id, Status = status, Intent = RequestIntent.Order };
        if (technique is not null)
        {
            order.Code = new CodeableConcept(FhirCodes.Technique, technique);
        }

        if (region is not null)
        {
            order.BodySite.Add(new CodeableConcept(regionSystem, region));
        }

        if (pressure is not null)
        {
            order.OrderDetail.Add(new CodeableConcept(FhirCodes.Pressure, pressure));
        }

        return order;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AsMassageAdvisor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found.");
    }
}
