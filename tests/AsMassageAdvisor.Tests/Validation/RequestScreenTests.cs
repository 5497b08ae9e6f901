using AsMassageAdvisor.Model;
using AsMassageAdvisor.Tests.Support;
using AsMassageAdvisor.Validation;

namespace AsMassageAdvisor.Tests.Validation;

/// <summary>The cheap screen must agree with the validator on every request, valid or broken.</summary>
public sealed class RequestScreenTests
{
    // The day the requests are checked on; the generated dates lie in 2026 and 2027.
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static readonly Func<AssessmentRequest, AssessmentRequest>[] Breakages =
    [
        r => r with { Patient = null! },
        r => r with { Plan = null! },
        r => r with { Patient = r.Patient with { DiseaseActivity = (DiseaseActivity)7 } },
        r => r with { Patient = r.Patient with { Ankylosis = (AnkylosisStatus)(-1) } },
        r => r with { Patient = r.Patient with { RestrictedSpinalMotion = (Answer)3 } },
        r => r with { Patient = r.Patient with { NsaidResponse = (NsaidResponse)4 } },
        r => r with { Patient = r.Patient with { OnTnfInhibitor = (Answer)9 } },
        r => r with { Patient = r.Patient with { ProviderConsulted = (Answer)9 } },
        r => r with { Patient = r.Patient with { Smoker = (Answer)9 } },
        r => r with { Patient = r.Patient with { DietHighInFriedOrSugaryFoods = (Answer)9 } },
        r => r with { Patient = r.Patient with { AnkylosedRegions = null! } },
        r => r with { Patient = r.Patient with { Ankylosis = AnkylosisStatus.Present, AnkylosedRegions = [BodyRegion.Legs] } },
        r => r with { Patient = r.Patient with { Ankylosis = AnkylosisStatus.Present, AnkylosedRegions = [(BodyRegion)0] } },
        r => r with { Patient = r.Patient with { Ankylosis = AnkylosisStatus.Absent, AnkylosedRegions = [BodyRegion.Lumbar] } },
        r => r with { Patient = r.Patient with { Ankylosis = AnkylosisStatus.Present, AnkylosedRegions = Enumerable.Repeat(BodyRegion.Lumbar, 33).ToArray() } },
        r => r with { Patient = r.Patient with { NeurologicalSymptoms = [(NeurologicalSymptom)0] } },
        r => r with { Patient = r.Patient with { NeurologicalSymptoms = Enumerable.Repeat(NeurologicalSymptom.SensoryChanges, 33).ToArray() } },
        r => r with { Patient = r.Patient with { PainfulTechniques = null! } },
        r => r with { Patient = r.Patient with { PainfulTechniques = [(Technique)99] } },
        r => r with { Patient = r.Patient with { PainfulTechniques = Enumerable.Repeat(Technique.Friction, 33).ToArray() } },
        r => r with { Patient = r.Patient with { PainScore = -1 } },
        r => r with { Patient = r.Patient with { PainScore = 11 } },
        r => r with { Patient = r.Patient with { StatusConfirmedOn = new DateOnly(2027, 1, 2) }, Plan = r.Plan with { SessionDate = new DateOnly(2027, 1, 1) } },
        r => r with { Patient = r.Patient with { StatusConfirmedOn = Today.AddDays(1) }, Plan = r.Plan with { SessionDate = null } },
        r => r with { Patient = r.Patient with { NeurologicalSymptomsChangedSinceAssessment = (Answer)7 } },
        r => r with { Patient = r.Patient with { NeurologicalSymptoms = null, NeurologicalSymptomsAssessedOn = new DateOnly(2026, 1, 1) } },
        r => r with { Patient = r.Patient with { NeurologicalSymptoms = [], NeurologicalSymptomsAssessedOn = new DateOnly(2026, 1, 1) } },
        r => r with { Patient = r.Patient with { NeurologicalSymptomsAssessedOn = null, NeurologicalSymptomsChangedSinceAssessment = Answer.No } },
        r => r with { Patient = r.Patient with { NeurologicalSymptoms = [NeurologicalSymptom.SensoryChanges], NeurologicalSymptomsAssessedOn = Today.AddDays(1) }, Plan = r.Plan with { SessionDate = null } },
        r => r with { Patient = r.Patient with { NeurologicalSymptoms = [NeurologicalSymptom.SensoryChanges], NeurologicalSymptomsAssessedOn = new DateOnly(2027, 3, 2) }, Plan = r.Plan with { SessionDate = new DateOnly(2027, 3, 1) } },
        r => r with { Plan = r.Plan with { AdministeredBy = Administrator.LicensedTherapist, Items = [.. r.Plan.Items, new PlanItem(Technique.ToolSelfMassage, BodyRegion.Legs, Pressure.Light)] } },
        r => r with { Plan = r.Plan with { AdministeredBy = Administrator.UnlicensedPractitioner, Items = [new PlanItem(Technique.ToolSelfMassage, BodyRegion.Hips, Pressure.Unknown)] } },
        r => r with { Plan = r.Plan with { AdministeredBy = (Administrator)12 } },
        r => r with { Plan = r.Plan with { TherapistInformedOfCondition = (Answer)12 } },
        r => r with { Plan = r.Plan with { Goals = null! } },
        r => r with { Plan = r.Plan with { Goals = [(SessionGoal)0] } },
        r => r with { Plan = r.Plan with { Goals = Enumerable.Repeat(SessionGoal.Relaxation, 33).ToArray() } },
        r => r with { Plan = r.Plan with { Items = null! } },
        r => r with { Plan = r.Plan with { Items = [] } },
        r => r with { Plan = r.Plan with { Items = Enumerable.Repeat(r.Plan.Items[0], 101).ToArray() } },
        r => r with { Plan = r.Plan with { Items = [.. r.Plan.Items, null!] } },
        r => r with { Plan = r.Plan with { Items = [.. r.Plan.Items, new PlanItem((Technique)0, BodyRegion.Legs, Pressure.Light)] } },
        r => r with { Plan = r.Plan with { Items = [.. r.Plan.Items, new PlanItem(Technique.Effleurage, (BodyRegion)99, Pressure.Light)] } },
        r => r with { Plan = r.Plan with { Items = [.. r.Plan.Items, new PlanItem(Technique.Effleurage, BodyRegion.Legs, (Pressure)5)] } },
    ];

    [Fact]
    public void Generated_valid_requests_pass_both_the_screen_and_the_validator()
    {
        foreach (var request in RandomRequests.Generate(seed: 11, count: 3_000))
        {
            RequestValidation.Validate(request, Today).Should().BeEmpty();
            RequestScreen.Passes(request, Today).Should().BeTrue();
        }
    }

    [Fact]
    public void Every_kind_of_breakage_fails_both_the_screen_and_the_validator()
    {
        var random = new Random(12);
        for (var k = 0; k < Breakages.Length; k++)
        {
            for (var n = 0; n < 20; n++)
            {
                var broken = Breakages[k](RandomRequests.Next(random));

                RequestScreen.Passes(broken, Today).Should().BeFalse("breakage {0} makes the request invalid", k);
                RequestValidation.Validate(broken, Today).Should().NotBeEmpty("breakage {0} makes the request invalid", k);
            }
        }
    }

    [Fact]
    public void The_screen_and_the_validator_agree_on_randomly_broken_requests()
    {
        var random = new Random(13);
        for (var n = 0; n < 5_000; n++)
        {
            var request = RandomRequests.Next(random);
            if (random.Next(2) == 0)
            {
                request = Breakages[random.Next(Breakages.Length)](request);
            }

            RequestScreen.Passes(request, Today).Should().Be(RequestValidation.Validate(request, Today).Count == 0);
        }
    }

    [Fact]
    public void Lists_that_are_not_arrays_are_screened_as_arrays_are()
    {
        // The reader makes arrays, which the screen reads directly; a request made in code may hold other lists.
        var random = new Random(14);
        for (var n = 0; n < 2_000; n++)
        {
            var request = RandomRequests.Next(random);
            if (random.Next(2) == 0)
            {
                request = Breakages[random.Next(Breakages.Length)](request);
            }

            var asLists = request.Patient is not { } p || request.Plan is not { } s
                ? request
                : request with
                {
                    Patient = p with
                    {
                        AnkylosedRegions = p.AnkylosedRegions is null ? null! : p.AnkylosedRegions.ToList(),
                        NeurologicalSymptoms = p.NeurologicalSymptoms?.ToList(),
                        PainfulTechniques = p.PainfulTechniques is null ? null! : p.PainfulTechniques.ToList(),
                    },
                    Plan = s with { Goals = s.Goals is null ? null! : s.Goals.ToList() },
                };

            RequestScreen.Passes(asLists, Today).Should().Be(RequestScreen.Passes(request, Today));
            RequestScreen.Passes(asLists, Today).Should().Be(RequestValidation.Validate(asLists, Today).Count == 0);
        }
    }
}
