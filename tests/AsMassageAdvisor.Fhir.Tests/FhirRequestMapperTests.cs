using AsMassageAdvisor.Model;
using Hl7.Fhir.Model;
using static AsMassageAdvisor.Fhir.Tests.Resources;

namespace AsMassageAdvisor.Fhir.Tests;

public sealed class FhirRequestMapperTests
{
    private static readonly ServiceRequest NeckManipulation = Order("neck", "spinalManipulation", "cervical", "moderate");

    [Fact]
    public void An_as_diagnosis_alone_leaves_ankylosis_unknown_never_absent()
    {
        var mapping = FhirRequestMapper.Map([AnkylosingSpondylitis(), NeckManipulation]);

        mapping.Request.Patient.Ankylosis.Should().Be(AnkylosisStatus.Unknown);
        mapping.Request.Patient.AnkylosedRegions.Should().BeEmpty();
        mapping.Notes.Should().Contain(n => n.Contains("ankylosis left unknown, not absent", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("M43.22", new[] { BodyRegion.Cervical })]
    [InlineData("M43.21", new[] { BodyRegion.Cervical })]
    [InlineData("M43.23", new[] { BodyRegion.Cervical, BodyRegion.Thoracic })]
    [InlineData("M43.24", new[] { BodyRegion.Thoracic })]
    [InlineData("M43.25", new[] { BodyRegion.Thoracic, BodyRegion.Lumbar })]
    [InlineData("M43.26", new[] { BodyRegion.Lumbar })]
    [InlineData("M43.27", new[] { BodyRegion.Lumbar, BodyRegion.Sacroiliac })]
    [InlineData("M43.28", new[] { BodyRegion.Sacroiliac })]
    [InlineData("M43.20", new BodyRegion[0])]
    public void A_spinal_fusion_condition_makes_ankylosis_present_with_its_regions(string code, BodyRegion[] regions)
    {
        var mapping = FhirRequestMapper.Map([AnkylosingSpondylitis(), Condition("fusion", FhirCodes.Icd10Cm, code), NeckManipulation]);

        mapping.Request.Patient.Ankylosis.Should().Be(AnkylosisStatus.Present);
        mapping.Request.Patient.AnkylosedRegions.Should().Equal(regions);
    }

    [Fact]
    public void A_fusion_body_site_adds_its_region()
    {
        var site = new CodeableConcept(FhirCodes.Snomed, "122496007");

        var mapping = FhirRequestMapper.Map([Condition("fusion", FhirCodes.Icd10Cm, "M43.22", null, null, site), NeckManipulation]);

        mapping.Request.Patient.AnkylosedRegions.Should().Equal(BodyRegion.Cervical, BodyRegion.Lumbar);
    }

    [Theory]
    [InlineData("refuted")]
    [InlineData("entered-in-error")]
    public void A_refuted_or_erroneous_fusion_is_no_evidence(string verification)
    {
        var mapping = FhirRequestMapper.Map([Condition("fusion", FhirCodes.Icd10Cm, "M43.22", "active", verification), NeckManipulation]);

        mapping.Request.Patient.Ankylosis.Should().Be(AnkylosisStatus.Unknown);
        mapping.Notes.Should().Contain($"Condition/fusion: verification status '{verification}'; not used as evidence");
    }

    [Theory]
    [InlineData("relapse", DiseaseActivity.Flare)]
    [InlineData("recurrence", DiseaseActivity.Flare)]
    [InlineData("remission", DiseaseActivity.Stable)]
    [InlineData("inactive", DiseaseActivity.Stable)]
    [InlineData("active", DiseaseActivity.Unknown)]
    [InlineData(null, DiseaseActivity.Unknown)]
    public void Disease_activity_comes_from_the_as_condition_clinical_status(string? status, DiseaseActivity expected)
    {
        FhirRequestMapper.Map([AnkylosingSpondylitis(status), NeckManipulation]).Request.Patient.DiseaseActivity.Should().Be(expected);
    }

    [Fact]
    public void An_icd10_as_code_is_read_too_and_conflicting_statuses_give_the_more_cautious_value()
    {
        var icd = Condition("as-icd", FhirCodes.Icd10Cm, "M45.2", "relapse");

        var mapping = FhirRequestMapper.Map([AnkylosingSpondylitis("remission"), icd, NeckManipulation]);

        mapping.Request.Patient.DiseaseActivity.Should().Be(DiseaseActivity.Flare);
        FhirRequestMapper.Map([AnkylosingSpondylitis("remission"), AnkylosingSpondylitis("active"), NeckManipulation])
            .Request.Patient.DiseaseActivity.Should().Be(DiseaseActivity.Unknown, "stable and 'cannot tell' together cannot be read as stable");
    }

    [Fact]
    public void The_latest_valid_pain_score_is_used()
    {
        var mapping = FhirRequestMapper.Map([
            Pain("old", new Integer(7), "2026-11-01"),
            Pain("new", new Quantity(4m, "{score}"), "2026-11-20"),
            Pain("cancelled", new Integer(9), "2026-11-22", ObservationStatus.Cancelled),
            NeckManipulation]);

        mapping.Request.Patient.PainScore.Should().Be(4);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(-1)]
    public void A_pain_score_out_of_range_stays_unknown_with_a_note(int score)
    {
        var mapping = FhirRequestMapper.Map([Pain("p", new Integer(score)), NeckManipulation]);

        mapping.Request.Patient.PainScore.Should().BeNull();
        mapping.Notes.Should().Contain("Observation/p: the pain score is not a whole number from 0 to 10; pain score left unknown");
    }

    [Fact]
    public void A_fractional_pain_score_stays_unknown()
    {
        FhirRequestMapper.Map([Pain("p", new Quantity(4.5m, "{score}")), NeckManipulation]).Request.Patient.PainScore.Should().BeNull();
    }

    [Theory]
    [InlineData("effleurage", Technique.Effleurage)]
    [InlineData("petrissage", Technique.Petrissage)]
    [InlineData("tapotement", Technique.Tapotement)]
    [InlineData("vibration", Technique.Vibration)]
    [InlineData("friction", Technique.Friction)]
    [InlineData("deepTissue", Technique.DeepTissue)]
    [InlineData("spinalManipulation", Technique.SpinalManipulation)]
    [InlineData("toolSelfMassage", Technique.ToolSelfMassage)]
    [InlineData("passiveStretching", Technique.PassiveStretching)]
    [InlineData("triggerPoint", Technique.TriggerPoint)]
    [InlineData("myofascialRelease", Technique.MyofascialRelease)]
    [InlineData("hotStone", Technique.HotStone)]
    public void Each_technique_code_is_read(string code, Technique technique)
    {
        FhirRequestMapper.Map([Order("o", code, "legs", "light")]).Request.Plan.Items.Should().Equal(new PlanItem(technique, BodyRegion.Legs, Pressure.Light));
    }

    [Theory]
    [InlineData("cervical", BodyRegion.Cervical)]
    [InlineData("thoracic", BodyRegion.Thoracic)]
    [InlineData("lumbar", BodyRegion.Lumbar)]
    [InlineData("sacroiliac", BodyRegion.Sacroiliac)]
    [InlineData("shoulders", BodyRegion.Shoulders)]
    [InlineData("hips", BodyRegion.Hips)]
    [InlineData("arms", BodyRegion.Arms)]
    [InlineData("legs", BodyRegion.Legs)]
    [InlineData("chest", BodyRegion.Chest)]
    [InlineData("abdomen", BodyRegion.Abdomen)]
    [InlineData("head", BodyRegion.Head)]
    [InlineData("hands", BodyRegion.Hands)]
    [InlineData("feet", BodyRegion.Feet)]
    public void Each_region_code_is_read(string code, BodyRegion region)
    {
        var mapping = FhirRequestMapper.Map([Order("o", "effleurage", code, "light")]);

        mapping.Request.Plan.Items.Should().Equal(new PlanItem(Technique.Effleurage, region, Pressure.Light));
        mapping.UnassessedOrders.Should().BeEmpty();
    }

    [Theory]
    [InlineData("reiki")]
    [InlineData("hotStones")]
    [InlineData("TriggerPoint")]
    [InlineData("unknown")]
    public void A_technique_code_outside_the_code_system_leaves_the_order_to_be_checked_by_hand(string code)
    {
        var mapping = FhirRequestMapper.Map([Order("o", code, "hands", "light")]);

        mapping.Request.Plan.Items.Should().BeEmpty();
        mapping.UnassessedOrders.Should().ContainSingle().Which.Should().StartWith("ServiceRequest/o: no technique coded").And.Contain($"'{code}' is not one");
    }

    [Theory]
    [InlineData(FhirCodes.Region, "toes")]
    [InlineData(FhirCodes.Region, "Feet")]
    [InlineData(FhirCodes.Region, "hand")]
    [InlineData(FhirCodes.Region, "unknown")]
    [InlineData(FhirCodes.Snomed, "85562004")]
    [InlineData(FhirCodes.Snomed, "56459004")]
    public void A_body_site_the_mapping_does_not_read_leaves_the_order_to_be_checked_by_hand(string system, string code)
    {
        // SNOMED CT is read for the spinal structures only; a hand or foot structure must come with our region code.
        var mapping = FhirRequestMapper.Map([Order("o", "hotStone", code, "light", regionSystem: system)]);

        mapping.Request.Plan.Items.Should().BeEmpty();
        mapping.CanBeAssessed.Should().BeFalse();
        mapping.UnassessedOrders.Should().ContainSingle().Which.Should().StartWith("ServiceRequest/o: no body site coded");
    }

    [Fact]
    public void A_hand_or_foot_order_that_also_carries_a_snomed_code_is_read_from_the_region_code()
    {
        var order = Order("o", "triggerPoint", null, "firm");
        order.BodySite.Add(new CodeableConcept(FhirCodes.Snomed, "85562004"));
        order.BodySite[0].Coding.Add(new Coding(FhirCodes.Region, "hands"));
        order.BodySite.Add(new CodeableConcept(FhirCodes.Region, "feet"));

        var mapping = FhirRequestMapper.Map([order]);

        mapping.Request.Plan.Items.Should().Equal(
            new PlanItem(Technique.TriggerPoint, BodyRegion.Hands, Pressure.Firm),
            new PlanItem(Technique.TriggerPoint, BodyRegion.Feet, Pressure.Firm));
        mapping.OrderReferences.Should().Equal("ServiceRequest/o", "ServiceRequest/o");
    }

    [Theory]
    [InlineData("light", Pressure.Light)]
    [InlineData("moderate", Pressure.Moderate)]
    [InlineData("firm", Pressure.Firm)]
    [InlineData("extreme", Pressure.Extreme)]
    [InlineData(null, Pressure.Unknown)]
    [InlineData("gentle", Pressure.Unknown)]
    public void Each_pressure_code_is_read_and_anything_else_stays_unknown(string? code, Pressure pressure)
    {
        var mapping = FhirRequestMapper.Map([Order("o", "petrissage", "hips", code)]);

        mapping.Request.Plan.Items.Single().Pressure.Should().Be(pressure);
        if (pressure == Pressure.Unknown)
        {
            mapping.Notes.Should().Contain(n => n.StartsWith("ServiceRequest/o: no pressure coded", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("122494005", BodyRegion.Cervical)]
    [InlineData("122495006", BodyRegion.Thoracic)]
    [InlineData("122496007", BodyRegion.Lumbar)]
    [InlineData("39723000", BodyRegion.Sacroiliac)]
    public void Snomed_spinal_body_sites_are_read(string code, BodyRegion region)
    {
        FhirRequestMapper.Map([Order("o", "friction", code, "light", regionSystem: FhirCodes.Snomed)]).Request.Plan.Items.Single().Region.Should().Be(region);
    }

    [Fact]
    public void An_order_without_a_readable_technique_or_region_is_listed_as_not_assessed_never_dropped_silently()
    {
        var mapping = FhirRequestMapper.Map([Order("no-technique", "reiki", "legs"), Order("no-site", "effleurage", null), NeckManipulation]);

        mapping.Request.Plan.Items.Should().ContainSingle();
        mapping.OrderReferences.Should().Equal("ServiceRequest/neck");
        mapping.UnassessedOrders.Should().HaveCount(2);
        mapping.UnassessedOrders[0].Should().StartWith("ServiceRequest/no-technique: no technique coded").And.Contain("'reiki' is not one").And.EndWith("must be checked by hand");
        mapping.UnassessedOrders[1].Should().StartWith("ServiceRequest/no-site: no body site coded");
        mapping.CanBeAssessed.Should().BeTrue();
    }

    [Fact]
    public void Closed_orders_are_not_part_of_the_plan()
    {
        var mapping = FhirRequestMapper.Map([Order("done", "effleurage", "legs", "light", RequestStatus.Completed), NeckManipulation]);

        mapping.OrderReferences.Should().Equal("ServiceRequest/neck");
        mapping.Notes.Should().Contain("ServiceRequest/done: status 'completed'; not a draft or active order, so not part of the plan");
    }

    [Fact]
    public void Without_any_readable_order_there_is_nothing_to_assess()
    {
        FhirRequestMapper.Map([AnkylosingSpondylitis()]).CanBeAssessed.Should().BeFalse();
    }

    [Fact]
    public void An_order_with_two_body_sites_gives_two_items_from_the_same_order()
    {
        var order = Order("two", "effleurage", "arms", "light");
        order.BodySite.Add(new CodeableConcept(FhirCodes.Region, "legs"));

        var mapping = FhirRequestMapper.Map([order]);

        mapping.Request.Plan.Items.Select(i => i.Region).Should().Equal(BodyRegion.Arms, BodyRegion.Legs);
        mapping.OrderReferences.Should().Equal("ServiceRequest/two", "ServiceRequest/two");
    }

    [Fact]
    public void Facts_the_record_does_not_hold_stay_unknown_and_the_mapping_is_deterministic()
    {
        var bundle = ExampleBundle();

        var first = FhirRequestMapper.Map(bundle, new DateOnly(2026, 11, 24));
        var second = FhirRequestMapper.Map(bundle, new DateOnly(2026, 11, 24));

        first.Request.Patient.NeurologicalSymptoms.Should().BeNull("not asked");
        first.Request.Patient.NeurologicalSymptomsAssessedOn.Should().BeNull("no symptoms are read, so no assessment of them either");
        first.Request.Patient.NeurologicalSymptomsChangedSinceAssessment.Should().Be(Answer.Unknown);
        first.Request.Patient.ProviderConsulted.Should().Be(Answer.Unknown);
        first.Request.Plan.AdministeredBy.Should().Be(Administrator.Unknown);
        first.Request.Plan.SessionDate.Should().Be(new DateOnly(2026, 11, 24));
        second.Request.Should().BeEquivalentTo(first.Request);
        second.Notes.Should().Equal(first.Notes);
    }

    [Fact]
    public void A_dated_neurological_examination_on_record_fills_neither_the_symptoms_nor_their_assessment()
    {
        // No standard code says "these symptoms were assessed by a physician and none changed since": left unknown,
        // which keeps the stop for listed symptoms in place.
        var examination = new Observation
        {
            Id = "neuro",
            Status = ObservationStatus.Final,
            Code = new CodeableConcept { Text = "Neurological examination" },
            Effective = new FhirDateTime("2026-11-20"),
            Value = new FhirString("No change since the last examination"),
        };

        var mapping = FhirRequestMapper.Map([examination, NeckManipulation]);

        mapping.Request.Patient.NeurologicalSymptoms.Should().BeNull();
        mapping.Request.Patient.NeurologicalSymptomsAssessedOn.Should().BeNull();
        mapping.Request.Patient.NeurologicalSymptomsChangedSinceAssessment.Should().Be(Answer.Unknown);
        mapping.Notes.Should().Contain(n => n.StartsWith("Observation/neuro: not a pain score", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_session_date_the_earliest_order_occurrence_is_used()
    {
        var late = Order("late", "effleurage", "legs", "light");
        late.Occurrence = new FhirDateTime("2026-12-03T10:00:00Z");
        var early = Order("early", "effleurage", "arms", "light");
        early.Occurrence = new FhirDateTime("2026-12-01");

        FhirRequestMapper.Map([late, early]).Request.Plan.SessionDate.Should().Be(new DateOnly(2026, 12, 1));
        FhirRequestMapper.Map([late, early], new DateOnly(2026, 11, 30)).Request.Plan.SessionDate.Should().Be(new DateOnly(2026, 11, 30));
        FhirRequestMapper.Map([Order("none", "effleurage", "legs", "light")]).Request.Plan.SessionDate.Should().BeNull();
    }
}
