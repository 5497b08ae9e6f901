using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Validation;

/// <summary>
/// An allocation-free pre-check that answers "is this request certainly valid?" in well under a
/// microsecond. It mirrors <see cref="AssessmentRequestValidator"/> check for check; when it says no,
/// the validator itself runs and names the problems, so FluentValidation stays the authority on what is
/// wrong. A test holds the two to the same verdict on valid and broken requests.
/// </summary>
internal static class RequestScreen
{
    public static bool Passes(AssessmentRequest? request, DateOnly today)
    {
        if (request?.Patient is not { } p || request.Plan is not { } s)
        {
            return false;
        }

        if (!Defined(p.DiseaseActivity) || !Defined(p.Ankylosis) || !Defined(p.RestrictedSpinalMotion) || !Defined(p.NsaidResponse)
            || !Defined(p.OnTnfInhibitor) || !Defined(p.ProviderConsulted) || !Defined(p.Smoker) || !Defined(p.DietHighInFriedOrSugaryFoods)
            || !Defined(p.NeurologicalSymptomsChangedSinceAssessment))
        {
            return false;
        }

        if (p.AnkylosedRegions is null)
        {
            return false;
        }

        var regions = Elements(p.AnkylosedRegions);
        if (regions.Length > RequestLimits.MaxListLength || (p.Ankylosis == AnkylosisStatus.Absent && regions.Length > 0))
        {
            return false;
        }

        foreach (var region in regions)
        {
            if (!Terms.IsSpinal(region))
            {
                return false;
            }
        }

        if ((p.NeurologicalSymptoms is { } symptoms && !AllDefined(symptoms))
            || p.PainfulTechniques is null || !AllDefined(p.PainfulTechniques)
            || p.PainScore is < RequestLimits.MinPainScore or > RequestLimits.MaxPainScore)
        {
            return false;
        }

        if (!Defined(s.AdministeredBy) || !Defined(s.TherapistInformedOfCondition) || s.Goals is null || !AllDefined(s.Goals)
            || s.Items is not { Count: > 0 and <= RequestLimits.MaxItems } items)
        {
            return false;
        }

        // A tool self-massage is the patient's own: the plan names the patient or nobody as the giver.
        var toolAllowed = s.AdministeredBy is Administrator.Self or Administrator.Unknown;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item || !Defined(item.Technique) || !Defined(item.Region) || !Defined(item.Pressure)
                || (!toolAllowed && item.Technique == Technique.ToolSelfMassage))
            {
                return false;
            }
        }

        // The assessment of the symptoms needs symptoms; the change since needs the assessment.
        if ((p.NeurologicalSymptomsAssessedOn is not null && p.NeurologicalSymptoms is not { Count: > 0 })
            || (p.NeurologicalSymptomsAssessedOn is null && p.NeurologicalSymptomsChangedSinceAssessment != Answer.Unknown))
        {
            return false;
        }

        // Nothing is confirmed or assessed after the session, which is today when the plan gives no date.
        var sessionDay = s.SessionDate ?? today;
        return (p.StatusConfirmedOn is not { } confirmed || confirmed <= sessionDay)
            && (p.NeurologicalSymptomsAssessedOn is not { } assessed || assessed <= sessionDay);
    }

    private static bool AllDefined<TEnum>(IReadOnlyList<TEnum> values)
        where TEnum : struct, Enum
    {
        var elements = Elements(values);
        if (elements.Length > RequestLimits.MaxListLength)
        {
            return false;
        }

        foreach (var value in elements)
        {
            if (!Defined(value))
            {
                return false;
            }
        }

        return true;
    }

    // The reader makes arrays, read here as spans: an array's own IReadOnlyList methods (Count, the indexer) are code
    // the JIT compiles at run time for each enum type, as a precompiled (ReadyToRun) build does not hold it. A list
    // that is not an array (a request made in code) is copied once.
    private static ReadOnlySpan<TEnum> Elements<TEnum>(IReadOnlyList<TEnum> values)
        where TEnum : struct, Enum => values as TEnum[] ?? [.. values];

    private static bool Defined<TEnum>(TEnum value)
        where TEnum : struct, Enum => Enum.IsDefined(value);
}
