namespace AsMassageAdvisor.Fhir;

/// <summary>The code systems and codes the FHIR mapping reads and writes (documented in docs/fhir-mapping.md).</summary>
public static class FhirCodes
{
    /// <summary>SNOMED CT.</summary>
    public const string Snomed = "http://snomed.info/sct";

    /// <summary>ICD-10-CM.</summary>
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

    /// <summary>LOINC.</summary>
    public const string Loinc = "http://loinc.org";

    /// <summary>The massage technique of a draft order (ServiceRequest.code); codes are the contract's technique names.</summary>
    public const string Technique = "urn:as-massage-advisor:fhir:technique";

    /// <summary>The body region of a draft order (ServiceRequest.bodySite); codes are the contract's region names.</summary>
    public const string Region = "urn:as-massage-advisor:fhir:region";

    /// <summary>The pressure of a draft order (ServiceRequest.orderDetail); codes are the contract's pressure names.</summary>
    public const string Pressure = "urn:as-massage-advisor:fhir:pressure";

    /// <summary>The reasons a clinician may give for overriding a card.</summary>
    public const string OverrideReason = "urn:as-massage-advisor:fhir:override-reason";

    /// <summary>SNOMED CT: ankylosing spondylitis.</summary>
    public const string SnomedAnkylosingSpondylitis = "9631008";

    /// <summary>ICD-10-CM: ankylosing spondylitis (M45 and its subcodes).</summary>
    public const string Icd10AnkylosingSpondylitis = "M45";

    /// <summary>ICD-10-CM: fusion of spine, ankylosis of a spinal joint (M43.2 and its subcodes by region).</summary>
    public const string Icd10SpinalFusion = "M43.2";

    /// <summary>The WHO Anatomical Therapeutic Chemical classification.</summary>
    public const string Atc = "http://www.whocc.no/atc";

    /// <summary>ATC: tumour necrosis factor alpha (TNF-α) inhibitors (L04AB and its substances).</summary>
    public const string AtcTnfInhibitors = "L04AB";

    /// <summary>ATC: non-steroidal anti-inflammatory and antirheumatic products (M01A and its groups and substances).</summary>
    public const string AtcNsaids = "M01A";

    /// <summary>LOINC: pain severity, 0–10 verbal numeric rating.</summary>
    public const string LoincPainSeverity = "72514-3";
}
