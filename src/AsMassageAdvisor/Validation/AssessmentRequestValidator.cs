using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using FluentValidation;

namespace AsMassageAdvisor.Validation;

/// <summary>
/// The meaning checks on a request: ranges, limits, contradictions and defined values. Property paths
/// are turned into JSON paths by <see cref="RequestValidation"/>.
/// </summary>
internal sealed class AssessmentRequestValidator : AbstractValidator<AssessmentRequest>
{
    public AssessmentRequestValidator()
    {
        // A failed null check ends the rule, so that later checks never see a null; collection rules
        // still check every element.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Patient).NotNull().WithErrorCode(InputErrorCodes.Required).SetValidator(new PatientStatusValidator());
        RuleFor(r => r.Plan).NotNull().WithErrorCode(InputErrorCodes.Required).SetValidator(new SessionPlanValidator());
        RuleFor(r => r.Patient.StatusConfirmedOn)
            .Must((r, confirmed) => confirmed <= r.Plan.SessionDate)
            .When(r => r.Patient?.StatusConfirmedOn is not null && r.Plan?.SessionDate is not null)
            .WithMessage(r => $"is after the session date ({r.Plan.SessionDate:yyyy-MM-dd}); a status cannot be confirmed after the session")
            .WithErrorCode(InputErrorCodes.Contradiction);

        // Without a session date the session is today, and a status cannot be confirmed in the future.
        RuleFor(r => r.Patient.StatusConfirmedOn)
            .Must((_, confirmed, context) => confirmed <= Today(context))
            .When(r => r.Patient?.StatusConfirmedOn is not null && r.Plan is { SessionDate: null })
            .WithMessage((_, confirmed) => $"is in the future ({confirmed:yyyy-MM-dd}) and the plan gives no session date, so the session is taken to be today; a status cannot be confirmed after the session")
            .WithErrorCode(InputErrorCodes.Contradiction);

        // A physician's assessment of the symptoms happened before the session (today when the plan gives no date).
        RuleFor(r => r.Patient.NeurologicalSymptomsAssessedOn)
            .Must((r, assessed, context) => assessed <= (r.Plan.SessionDate ?? Today(context)))
            .When(r => r.Patient?.NeurologicalSymptomsAssessedOn is not null && r.Plan is not null)
            .WithMessage((r, assessed) => r.Plan.SessionDate is { } session
                ? $"is after the session date ({session:yyyy-MM-dd}); the symptoms must have been assessed before the session"
                : $"is in the future ({assessed:yyyy-MM-dd}) and the plan gives no session date, so the session is taken to be today; the symptoms must have been assessed before it")
            .WithErrorCode(InputErrorCodes.Contradiction);
    }

    /// <summary>The key under which the validation context carries the day the request is checked on.</summary>
    public const string TodayKey = "today";

    /// <summary>The key under which the validation context carries the plan's giver, which an item's checks need.</summary>
    public const string GiverKey = "administeredBy";

    private static DateOnly Today(ValidationContext<AssessmentRequest> context) =>
        context.RootContextData.TryGetValue(TodayKey, out var today) && today is DateOnly day
            ? day
            : DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
}

internal sealed class PatientStatusValidator : AbstractValidator<PatientStatus>
{
    public PatientStatusValidator()
    {
        // A failed null check ends the rule, so that later checks never see a null; collection rules
        // still check every element.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(p => p.DiseaseActivity).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);
        RuleFor(p => p.Ankylosis).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);
        RuleFor(p => p.RestrictedSpinalMotion).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);
        RuleFor(p => p.NsaidResponse).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);
        RuleFor(p => p.OnTnfInhibitor).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);
        RuleFor(p => p.ProviderConsulted).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);
        RuleFor(p => p.Smoker).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);
        RuleFor(p => p.DietHighInFriedOrSugaryFoods).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);

        RuleFor(p => p.AnkylosedRegions).NotNull().WithErrorCode(InputErrorCodes.Required)
            .Must(l => l.Count <= RequestLimits.MaxListLength).WithMessage($"may hold at most {RequestLimits.MaxListLength} entries").WithErrorCode(InputErrorCodes.TooMany);
        RuleForEach(p => p.AnkylosedRegions).Cascade(CascadeMode.Continue)
            .IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue)
            .Must(Terms.IsSpinal)
            .WithMessage("is not a spinal region; ankylosed regions are cervical, thoracic, lumbar or sacroiliac").WithErrorCode(InputErrorCodes.Contradiction);
        RuleFor(p => p.AnkylosedRegions)
            .Empty()
            .When(p => p.Ankylosis == AnkylosisStatus.Absent && p.AnkylosedRegions is not null)
            .WithMessage("lists fused regions while ankylosis is 'absent'; correct one of the two").WithErrorCode(InputErrorCodes.Contradiction);

        RuleFor(p => p.NeurologicalSymptoms)
            .Must(l => l is null || l.Count <= RequestLimits.MaxListLength).WithMessage($"may hold at most {RequestLimits.MaxListLength} entries").WithErrorCode(InputErrorCodes.TooMany);
        RuleForEach(p => p.NeurologicalSymptoms).Cascade(CascadeMode.Continue).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);
        RuleFor(p => p.PainfulTechniques).NotNull().WithErrorCode(InputErrorCodes.Required)
            .Must(l => l.Count <= RequestLimits.MaxListLength).WithMessage($"may hold at most {RequestLimits.MaxListLength} entries").WithErrorCode(InputErrorCodes.TooMany);
        RuleForEach(p => p.PainfulTechniques).Cascade(CascadeMode.Continue).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);

        RuleFor(p => p.NeurologicalSymptomsAssessedOn)
            .Null()
            .When(p => p.NeurologicalSymptoms is not { Count: > 0 })
            .WithMessage(p => p.NeurologicalSymptoms is null
                ? "gives the day the neurological symptoms were assessed, but no symptoms are listed (neurologicalSymptoms is absent); list them or leave this out"
                : "gives the day the neurological symptoms were assessed, but the list of symptoms is empty; list them or leave this out")
            .WithErrorCode(InputErrorCodes.Contradiction);
        RuleFor(p => p.NeurologicalSymptomsChangedSinceAssessment).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);
        RuleFor(p => p.NeurologicalSymptomsChangedSinceAssessment)
            .Equal(Answer.Unknown)
            .When(p => p.NeurologicalSymptomsAssessedOn is null && Enum.IsDefined(p.NeurologicalSymptomsChangedSinceAssessment))
            .WithMessage("is given without neurologicalSymptomsAssessedOn; say when a physician assessed the symptoms, or leave this out")
            .WithErrorCode(InputErrorCodes.Contradiction);

        RuleFor(p => p.PainScore).InclusiveBetween(RequestLimits.MinPainScore, RequestLimits.MaxPainScore)
            .WithMessage($"must be from {RequestLimits.MinPainScore} to {RequestLimits.MaxPainScore}, not {{PropertyValue}}").WithErrorCode(InputErrorCodes.OutOfRange);
    }
}

internal sealed class SessionPlanValidator : AbstractValidator<SessionPlan>
{
    public SessionPlanValidator()
    {
        // A failed null check ends the rule, so that later checks never see a null; collection rules
        // still check every element.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(p => p.AdministeredBy).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);
        RuleFor(p => p.TherapistInformedOfCondition).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);
        RuleFor(p => p.Goals).NotNull().WithErrorCode(InputErrorCodes.Required)
            .Must(l => l.Count <= RequestLimits.MaxListLength).WithMessage($"may hold at most {RequestLimits.MaxListLength} entries").WithErrorCode(InputErrorCodes.TooMany);
        RuleForEach(p => p.Goals).Cascade(CascadeMode.Continue).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);
        RuleFor(p => p.Items).NotNull().WithErrorCode(InputErrorCodes.Required)
            .Must(items => items.Count > 0).WithMessage("a plan needs at least one item").WithErrorCode(InputErrorCodes.Required)
            .Must(items => items.Count <= RequestLimits.MaxItems).WithMessage($"a plan may hold at most {RequestLimits.MaxItems} items").WithErrorCode(InputErrorCodes.TooMany);
        RuleForEach(p => p.Items).Cascade(CascadeMode.Continue).NotNull().WithErrorCode(InputErrorCodes.Required).SetValidator(new PlanItemValidator());
    }
}

internal sealed class PlanItemValidator : AbstractValidator<PlanItem>
{
    public PlanItemValidator()
    {
        // A failed null check ends the rule, so that later checks never see a null; collection rules
        // still check every element.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(i => i.Technique).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);
        RuleFor(i => i.Region).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);
        RuleFor(i => i.Pressure).IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);

        // A tool self-massage is the patient's own (the rule catalogue's terms): with the giver unknown it is read as
        // the patient's, with anyone else named the plan contradicts itself.
        RuleFor(i => i.Technique)
            .Must((_, technique, context) => technique != Technique.ToolSelfMassage || MayGiveATool(context))
            .WithMessage("is a self-massage with a tool, which the patient gives themself, but the plan is given by '{Giver}'; "
                + "set administeredBy to 'self' (or leave it out), or plan this work as another technique")
            .WithErrorCode(InputErrorCodes.Contradiction);
    }

    private static bool MayGiveATool(ValidationContext<PlanItem> context)
    {
        if (!context.RootContextData.TryGetValue(AssessmentRequestValidator.GiverKey, out var value) || value is not Administrator giver
            || giver is Administrator.Self or Administrator.Unknown || !Enum.IsDefined(giver))
        {
            return true;
        }

        context.MessageFormatter.AppendArgument("Giver", JsonNames.Of(giver));
        return false;
    }
}
