using AsMassageAdvisor.Model;
using Hl7.Fhir.Model;

namespace AsMassageAdvisor.Fhir;

/// <summary>
/// Reads FHIR R4 resources into an assessment request. What the resources do not say stays unknown, and
/// what they say in a form the mapping cannot read is listed in <see cref="FhirMapping.Notes"/>: the
/// mapping never reads absence as "no". An AS diagnosis alone leaves ankylosis unknown; only a Condition
/// for spinal fusion makes it present. Every code is documented in docs/fhir-mapping.md.
/// </summary>
public static class FhirRequestMapper
{
    /// <summary>Maps the resources of a bundle (a searchset, collection or transaction).</summary>
    /// <param name="bundle">The bundle.</param>
    /// <param name="sessionDate">The planned session's date, when known.</param>
    /// <returns>The request, with what could not be read.</returns>
    public static FhirMapping Map(Bundle bundle, DateOnly? sessionDate = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return Map(bundle.Entry.Select(e => e.Resource).OfType<Resource>(), sessionDate);
    }

    /// <summary>
    /// Maps Patient, Condition, Observation, ServiceRequest, MedicationStatement and MedicationRequest
    /// resources; other resources are noted and ignored. A Condition or Observation contained in a draft
    /// order and referenced by it is read as part of the record; any other contained resource is noted.
    /// </summary>
    /// <param name="resources">The resources, draft orders in the order the plan should list them.</param>
    /// <param name="sessionDate">The planned session's date, when known; otherwise the earliest <c>occurrenceDateTime</c> of the draft orders.</param>
    /// <returns>The request, with what could not be read.</returns>
    public static FhirMapping Map(IEnumerable<Resource> resources, DateOnly? sessionDate = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var state = new MappingState();
        foreach (var resource in resources)
        {
            switch (resource)
            {
                case Patient:
                    break;
                case Condition condition:
                    state.Read(condition);
                    break;
                case Observation observation:
                    state.Read(observation);
                    break;
                case ServiceRequest order:
                    state.Read(order);
                    break;
                case MedicationStatement statement:
                    state.Read(statement);
                    break;
                case MedicationRequest medicationRequest:
                    state.Read(medicationRequest);
                    break;
                case null:
                    break;
                default:
                    state.Notes.Add($"{Reference(resource)}: a {resource.TypeName} is not read by the mapping; ignored");
                    break;
            }
        }

        return state.Finish(sessionDate);
    }

    internal static string Reference(Resource resource) =>
        string.IsNullOrEmpty(resource.Id) ? $"{resource.TypeName} (no id)" : $"{resource.TypeName}/{resource.Id}";

    internal static bool Has(CodeableConcept? concept, string system, Func<string, bool> code) =>
        concept?.Coding.Any(c => c.System == system && c.Code is { } value && code(value)) == true;

    internal static string? CodeIn(CodeableConcept? concept, string system) =>
        concept?.Coding.FirstOrDefault(c => c.System == system && !string.IsNullOrEmpty(c.Code))?.Code;

    /// <summary>The enum value whose contract name (camelCase) is the code; the Unknown value is not a code.</summary>
    internal static TEnum? Named<TEnum>(string? code)
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var name = value.ToString();
            if (name != "Unknown" && code is not null && code.Length == name.Length
                && char.ToLowerInvariant(name[0]) == code[0] && string.Equals(name[1..], code[1..], StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    private sealed class MappingState
    {
        private static readonly Dictionary<string, BodyRegion> SnomedRegions = new(StringComparer.Ordinal)
        {
            ["122494005"] = BodyRegion.Cervical,
            ["122495006"] = BodyRegion.Thoracic,
            ["122496007"] = BodyRegion.Lumbar,
            ["39723000"] = BodyRegion.Sacroiliac,
        };

        private readonly List<PlanItem> _items = [];
        private readonly List<string?> _orders = [];
        private readonly List<ServiceRequest> _orderResources = [];
        private readonly List<string> _unassessed = [];
        private readonly SortedSet<BodyRegion> _fusedRegions = [];
        private bool _asDiagnosis;
        private bool _fusion;
        private DiseaseActivity? _activity;
        private (string When, int Score)? _pain;
        private DateOnly? _occurrence;
        private bool _tnfInhibitor;

        public List<string> Notes { get; } = [];

        public void Read(Condition condition)
        {
            var at = Reference(condition);
            var verification = CodeIn(condition.VerificationStatus, "http://terminology.hl7.org/CodeSystem/condition-ver-status");
            if (verification is "refuted" or "entered-in-error")
            {
                Notes.Add($"{at}: verification status '{verification}'; not used as evidence");
                return;
            }

            var isFusion = Has(condition.Code, FhirCodes.Icd10Cm, c => c.StartsWith(FhirCodes.Icd10SpinalFusion, StringComparison.Ordinal));
            var isAs = Has(condition.Code, FhirCodes.Snomed, c => c == FhirCodes.SnomedAnkylosingSpondylitis)
                || Has(condition.Code, FhirCodes.Icd10Cm, c => c.StartsWith(FhirCodes.Icd10AnkylosingSpondylitis, StringComparison.Ordinal));
            if (isFusion)
            {
                _fusion = true;
                foreach (var region in FusionRegions(CodeIn(condition.Code, FhirCodes.Icd10Cm)!).Concat(condition.BodySite.SelectMany(BodySiteRegions)))
                {
                    _fusedRegions.Add(region);
                }
            }

            if (isAs)
            {
                _asDiagnosis = true;
                var status = CodeIn(condition.ClinicalStatus, "http://terminology.hl7.org/CodeSystem/condition-clinical");
                var activity = status switch
                {
                    "relapse" or "recurrence" => DiseaseActivity.Flare,
                    "remission" or "inactive" or "resolved" => DiseaseActivity.Stable,
                    _ => DiseaseActivity.Unknown,
                };
                if (activity == DiseaseActivity.Unknown)
                {
                    Notes.Add($"{at}: clinical status '{status ?? "not given"}' does not say whether the disease is in a flare; disease activity left unknown");
                }

                _activity = _activity is null ? activity : MoreCautious(_activity.Value, activity);
            }

            if (!isFusion && !isAs)
            {
                Notes.Add($"{at}: not an ankylosing spondylitis or spinal fusion code; ignored");
            }
        }

        public void Read(Observation observation)
        {
            var at = Reference(observation);
            if (!Has(observation.Code, FhirCodes.Loinc, c => c == FhirCodes.LoincPainSeverity))
            {
                Notes.Add($"{at}: not a pain score (LOINC {FhirCodes.LoincPainSeverity}); ignored");
                return;
            }

            if (observation.Status is ObservationStatus.EnteredInError or ObservationStatus.Cancelled)
            {
                Notes.Add($"{at}: status '{observation.Status}'; ignored");
                return;
            }

            var score = observation.Value switch
            {
                Integer { Value: { } i } => (decimal?)i,
                Quantity { Value: { } q } => q,
                _ => null,
            };
            if (score is not { } s || s != decimal.Truncate(s) || s < 0 || s > 10)
            {
                Notes.Add($"{at}: the pain score is not a whole number from 0 to 10; pain score left unknown");
                return;
            }

            var when = observation.Effective is FhirDateTime { Value: { } dt } ? dt : "";
            if (_pain is null || string.CompareOrdinal(when, _pain.Value.When) > 0)
            {
                _pain = (when, (int)s);
            }
        }

        public void Read(MedicationStatement statement)
        {
            var current = statement.Status is MedicationStatement.MedicationStatusCodes.Active;
            ReadMedication(statement, statement.Medication, current, statement.Status?.ToString() ?? "not given");
        }

        public void Read(MedicationRequest request)
        {
            var current = request.Status is MedicationRequest.MedicationrequestStatus.Active;
            ReadMedication(request, request.Medication, current, request.Status?.ToString() ?? "not given");
        }

        public void Read(ServiceRequest order)
        {
            var at = Reference(order);
            ReadContained(order, at);
            if (order.Status is RequestStatus.Revoked or RequestStatus.Completed or RequestStatus.EnteredInError)
            {
                var status = order.Status switch { RequestStatus.Revoked => "revoked", RequestStatus.Completed => "completed", _ => "entered-in-error" };
                Notes.Add($"{at}: status '{status}'; not a draft or active order, so not part of the plan");
                return;
            }

            var techniqueCode = CodeIn(order.Code, FhirCodes.Technique);
            var technique = Named<Technique>(techniqueCode);
            var regions = order.BodySite.SelectMany(BodySiteRegions).Distinct().ToList();
            var pressureCode = order.OrderDetail.Select(d => CodeIn(d, FhirCodes.Pressure)).FirstOrDefault(c => c is not null);
            var pressure = Named<Pressure>(pressureCode) ?? Pressure.Unknown;
            if (technique is null || regions.Count == 0)
            {
                var missing = technique is null
                    ? $"no technique coded in {FhirCodes.Technique}" + (techniqueCode is null ? "" : $" ('{techniqueCode}' is not one)")
                    : $"no body site coded in {FhirCodes.Region} or as a SNOMED CT spinal structure";
                _unassessed.Add($"{at}: {missing}; this order was not assessed and must be checked by hand");
                return;
            }

            if (pressure == Pressure.Unknown)
            {
                Notes.Add($"{at}: no pressure coded in {FhirCodes.Pressure}" + (pressureCode is null ? "" : $" ('{pressureCode}' is not one)") + "; pressure left unknown");
            }

            // The session's day, when the caller did not give it: the earliest day an order is planned for.
            if (order.Occurrence is FhirDateTime { Value: { Length: >= 10 } when }
                && DateOnly.TryParseExact(when[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
                && (_occurrence is null || day < _occurrence))
            {
                _occurrence = day;
            }

            foreach (var region in regions)
            {
                _items.Add(new PlanItem(technique.Value, region, pressure));
                _orders.Add(string.IsNullOrEmpty(order.Id) ? null : $"ServiceRequest/{order.Id}");
                _orderResources.Add(order);
            }
        }

        /// <summary>
        /// A medication on record, coded in ATC. Only a current (active) one says what the patient takes;
        /// an NSAID on record says nothing of whether it controls the disease, so NSAID response stays unknown.
        /// </summary>
        private void ReadMedication(DomainResource resource, DataType? medication, bool current, string status)
        {
            var at = Reference(resource);
            var concept = medication switch
            {
                CodeableConcept c => c,
                ResourceReference { Reference: { } r } when r.StartsWith('#') =>
                    (resource.Contained.FirstOrDefault(x => x.Id == r[1..]) as Medication)?.Code,
                _ => null,
            };
            if (concept is null)
            {
                Notes.Add($"{at}: the medication is not given as a code (or a contained Medication); not read");
                return;
            }

            var atc = CodeIn(concept, FhirCodes.Atc);
            var isTnf = atc is not null && atc.StartsWith(FhirCodes.AtcTnfInhibitors, StringComparison.Ordinal);
            var isNsaid = atc is not null && atc.StartsWith(FhirCodes.AtcNsaids, StringComparison.Ordinal);
            if (!isTnf && !isNsaid)
            {
                Notes.Add($"{at}: not coded as a TNF-alpha inhibitor (ATC {FhirCodes.AtcTnfInhibitors}) or an NSAID (ATC {FhirCodes.AtcNsaids}); ignored");
                return;
            }

            if (!current)
            {
                Notes.Add($"{at}: status '{status}'; not a current medication, so not read");
                return;
            }

            if (isTnf)
            {
                _tnfInhibitor = true;
            }
            else
            {
                Notes.Add($"{at}: an NSAID (ATC {atc}) is on record; whether NSAIDs control the disease is not recorded, so NSAID response left unknown");
            }
        }

        /// <summary>Reads the Conditions and Observations an order contains and refers to; notes the rest.</summary>
        private void ReadContained(ServiceRequest order, string at)
        {
            var referenced = order.ReasonReference.Concat(order.SupportingInfo)
                .Select(r => r.Reference).OfType<string>().Where(r => r.StartsWith('#')).Select(r => r[1..]).ToHashSet(StringComparer.Ordinal);
            foreach (var contained in order.Contained)
            {
                var isReferenced = contained.Id is not null && referenced.Contains(contained.Id);
                switch (contained)
                {
                    case Condition condition when isReferenced:
                        Read(condition);
                        break;
                    case Observation observation when isReferenced:
                        Read(observation);
                        break;
                    default:
                        Notes.Add($"{at}: contains a {contained.TypeName} ('#{contained.Id}') "
                            + (isReferenced ? "that the mapping does not read" : "that the order does not refer to as a reason or supporting information") + "; ignored");
                        break;
                }
            }
        }

        public FhirMapping Finish(DateOnly? sessionDate)
        {
            if (!_asDiagnosis)
            {
                Notes.Add("no Condition for ankylosing spondylitis was found (SNOMED CT 9631008 or ICD-10-CM M45); the advice assumes the diagnosis");
            }

            if (!_fusion)
            {
                Notes.Add("no Condition for spinal fusion (ICD-10-CM M43.2) was found; ankylosis left unknown, not absent");
            }

            var patient = new PatientStatus
            {
                DiseaseActivity = _activity ?? DiseaseActivity.Unknown,
                Ankylosis = _fusion ? AnkylosisStatus.Present : AnkylosisStatus.Unknown,
                AnkylosedRegions = [.. _fusedRegions],
                PainScore = _pain?.Score,
                OnTnfInhibitor = _tnfInhibitor ? Answer.Yes : Answer.Unknown,
            };
            var plan = new SessionPlan { SessionDate = sessionDate ?? _occurrence, Items = [.. _items] };
            return new FhirMapping
            {
                Request = new AssessmentRequest(patient, plan),
                OrderReferences = _orders.AsReadOnly(),
                Orders = _orderResources.AsReadOnly(),
                UnassessedOrders = _unassessed.AsReadOnly(),
                Notes = Notes.AsReadOnly(),
            };
        }

        // Flare is more cautious than unknown, and unknown more than stable.
        private static DiseaseActivity MoreCautious(DiseaseActivity a, DiseaseActivity b) =>
            a == DiseaseActivity.Flare || b == DiseaseActivity.Flare ? DiseaseActivity.Flare
            : a == DiseaseActivity.Unknown || b == DiseaseActivity.Unknown ? DiseaseActivity.Unknown
            : DiseaseActivity.Stable;

        // ICD-10-CM M43.2x: the fifth character gives the region. A lumbosacral fusion counts the sacroiliac
        // region too (the cautious reading); an unspecified site gives no region.
        private static IEnumerable<BodyRegion> FusionRegions(string code) => code.Replace(".", "", StringComparison.Ordinal) switch
        {
            "M4321" or "M4322" => [BodyRegion.Cervical],
            "M4323" => [BodyRegion.Cervical, BodyRegion.Thoracic],
            "M4324" => [BodyRegion.Thoracic],
            "M4325" => [BodyRegion.Thoracic, BodyRegion.Lumbar],
            "M4326" => [BodyRegion.Lumbar],
            "M4327" => [BodyRegion.Lumbar, BodyRegion.Sacroiliac],
            "M4328" => [BodyRegion.Sacroiliac],
            _ => [],
        };

        private static IEnumerable<BodyRegion> BodySiteRegions(CodeableConcept site)
        {
            if (Named<BodyRegion>(CodeIn(site, FhirCodes.Region)) is { } region)
            {
                yield return region;
            }
            else if (CodeIn(site, FhirCodes.Snomed) is { } snomed && SnomedRegions.TryGetValue(snomed, out var spinal))
            {
                yield return spinal;
            }
        }
    }
}
