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
    }
}

internal sealed class PatientStatusValidator : AbstractValidator<PatientStatus>
{
    public PatientStatusValidator()
    {
        // A failed null check ends the rule, so that later checks never see a null; collection rules
        // still check every element.
        RuleLevelCascadeMode = CascadeMode.Stop;
        DefinedValues.AddRules(this);

        RuleFor(p => p.AnkylosedRegions).NotNull().WithErrorCode(InputErrorCodes.Required)
            .Must(l => l.Count <= RequestLimits.MaxListLength).WithMessage($"may hold at most {RequestLimits.MaxListLength} entries").WithErrorCode(InputErrorCodes.TooMany);
        RuleForEach(p => p.AnkylosedRegions).Cascade(CascadeMode.Continue)
            .IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue)
            .Must(Regions.IsSpinal)
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
        DefinedValues.AddRules(this);
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
        DefinedValues.AddRules(this);
    }
}
