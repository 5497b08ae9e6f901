using System.Text.Json;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Fhir.CdsHooks;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using Hl7.Fhir.Serialization;
using static AsMassageAdvisor.Fhir.Tests.Resources;

namespace AsMassageAdvisor.Fhir.Tests.CdsHooks;

public sealed class CdsCardBuilderTests
{
    private static readonly Advisor Advisor = new();

    [Fact]
    public void As_with_cervical_fusion_and_a_draft_neck_manipulation_gives_a_critical_card_citing_the_article_and_suggestions_to_change_or_delete_that_order()
    {
        var mapping = FhirRequestMapper.Map(ExampleBundle(), new DateOnly(2026, 11, 24));

        var response = CdsCardBuilder.Build(Advisor.Assess(mapping.Request), mapping);

        var card = response.Cards.Should().ContainSingle(c => c.Source.Topic != null && c.Source.Topic.Code == "ASM-001").Subject;
        card.Indicator.Should().Be("critical");
        card.Summary.Should().StartWith("Contraindicated: ");
        card.Detail.Should().Contain("Petrie T (DPT, OCS). Ankylosing Spondylitis Massage: Benefits and Risks.")
            .And.Contain("Section: Use Caution")
            .And.Contain("item 1: moderate spinal manipulation of the neck (order ServiceRequest/neck-manipulation)");
        card.Suggestions.Should().HaveCount(2);
        var change = card.Suggestions[0];
        change.IsRecommended.Should().BeTrue();
        var update = change.Actions.Should().ContainSingle().Which;
        update.Type.Should().Be("update");
        var revised = update.Resource.Should().BeOfType<Hl7.Fhir.Model.ServiceRequest>().Subject;
        revised.Id.Should().Be("neck-manipulation");
        revised.Code!.Coding.Should().ContainSingle().Which.Code.Should().Be("effleurage");
        revised.OrderDetail.SelectMany(d => d.Coding).Where(c => c.System == FhirCodes.Pressure).Should().ContainSingle().Which.Code.Should().Be("light");
        revised.BodySite.SelectMany(b => b.Coding).Select(c => c.Code).Should().Equal(
            ExampleBundle().Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.ServiceRequest>().Single(o => o.Id == "neck-manipulation").BodySite.SelectMany(b => b.Coding).Select(c => c.Code),
            "the region stays the same");
        var delete = card.Suggestions[1];
        delete.IsRecommended.Should().BeFalse("changing the order to the safer plan is the recommended suggestion");
        delete.Actions.Should().ContainSingle().Which.Should().Match<CdsAction>(a => a.Type == "delete" && a.ResourceId == "ServiceRequest/neck-manipulation");
        card.Detail.Should().Contain("\n\n**Safer plan**", "a blank line keeps the heading out of the list above it")
            .And.Contain("item 1 (moderate spinal manipulation of the neck): replace it with light effleurage (ASM-001)");
        response.Cards[0].Indicator.Should().Be("critical", "the most severe card comes first");
        response.Cards.Where(c => c.Source.Topic is not null).SelectMany(c => c.Suggestions).SelectMany(s => s.Actions).Select(a => a.ResourceId)
            .Should().NotContain("ServiceRequest/shoulder-effleurage", "light effleurage of the shoulders is not contraindicated");
    }

    [Fact]
    public void Every_rule_gives_a_summary_under_140_characters()
    {
        foreach (var rule in KnowledgeBase.BuiltIn.Rules)
        {
            var advisory = new Advisory
            {
                Code = rule.Code, Requirements = rule.Requirements, Severity = rule.Severity, Title = rule.Title, Message = rule.Message,
                Basis = rule.Basis, Indeterminate = true, Items = [0], Triggers = ["t"], Citations = [],
            };
            var assessment = new Assessment { Decision = Decision.Proceed, Advisories = [advisory], UnknownFacts = [], KnowledgeBase = KnowledgeBase.BuiltIn.Identity };

            CdsCardBuilder.Build(assessment).Cards[0].Summary.Length.Should().BeLessThan(140, rule.Code);
        }
    }

    [Theory]
    [InlineData(Severity.Info, "info")]
    [InlineData(Severity.Caution, "warning")]
    [InlineData(Severity.Warning, "warning")]
    [InlineData(Severity.Contraindicated, "critical")]
    [InlineData(Severity.Stop, "critical")]
    public void The_indicator_follows_the_severity_table(Severity severity, string indicator)
    {
        CdsCardBuilder.Indicator(severity).Should().Be(indicator);
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes_and_uuids_and_different_orders_give_different_uuids()
    {
        var mapping = FhirRequestMapper.Map(ExampleBundle(), new DateOnly(2026, 11, 24));
        var first = CdsCardWriter.Serialize(CdsCardBuilder.Build(Advisor.Assess(mapping.Request), mapping));
        var second = CdsCardWriter.Serialize(CdsCardBuilder.Build(new Advisor().Assess(mapping.Request), mapping));
        var other = FhirRequestMapper.Map([Condition("f", FhirCodes.Icd10Cm, "M43.22"), Order("other-order", "spinalManipulation", "cervical", "moderate")]);
        var otherCards = CdsCardBuilder.Build(Advisor.Assess(other.Request), other);

        second.Should().Be(first);
        first.Should().EndWith("}\n").And.NotContain("\r");
        using var document = JsonDocument.Parse(first);
        var uuids = document.RootElement.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("uuid").GetString()!).ToList();
        uuids.Should().OnlyHaveUniqueItems();
        uuids.Where(u => !Guid.TryParse(u, out var _)).Should().BeEmpty();
        uuids.Should().NotContain(otherCards.Cards.Single(c => c.Source.Topic?.Code == "ASM-001").Uuid);
    }

    [Fact]
    public void The_json_has_the_cds_hooks_shape()
    {
        var mapping = FhirRequestMapper.Map(ExampleBundle());

        using var document = JsonDocument.Parse(CdsCardWriter.Serialize(CdsCardBuilder.Build(Advisor.Assess(mapping.Request), mapping)));

        foreach (var card in document.RootElement.GetProperty("cards").EnumerateArray())
        {
            card.GetProperty("summary").GetString()!.Length.Should().BeLessThan(140);
            card.GetProperty("indicator").GetString().Should().BeOneOf("info", "warning", "critical");
            card.GetProperty("source").GetProperty("label").GetString().Should().StartWith("AsMassageAdvisor knowledge base ");
            if (card.TryGetProperty("suggestions", out var suggestions))
            {
                card.GetProperty("selectionBehavior").GetString().Should().Be("at-most-one");
                suggestions.EnumerateArray().SelectMany(s => s.GetProperty("actions").EnumerateArray()).Should().OnlyContain(a =>
                    (a.GetProperty("type").GetString() == "delete" && a.GetProperty("resourceId").GetString()!.StartsWith("ServiceRequest/", StringComparison.Ordinal))
                    || (a.GetProperty("type").GetString() == "update" && a.GetProperty("resource").GetProperty("resourceType").GetString() == "ServiceRequest" && !HasResourceId(a)));
            }
        }
    }

    [Fact]
    public void Unknown_facts_and_unreadable_record_entries_are_listed_on_an_information_card()
    {
        var mapping = FhirRequestMapper.Map([AnkylosingSpondylitis("active"), Order("o", "effleurage", "legs", null)]);

        var card = CdsCardBuilder.Build(Advisor.Assess(mapping.Request), mapping).Cards[^1];

        card.Indicator.Should().Be("info");
        card.Detail.Should().Contain("- Is any part of the patient's spine fused (ankylosed), and which part?").And.NotContain("$.").And.Contain("ServiceRequest/o: no pressure coded").And.Contain("Condition/as: clinical status 'active'");
    }

    [Fact]
    public void Orders_that_could_not_be_assessed_get_a_warning_card_even_when_nothing_else_could_be_assessed()
    {
        var mapping = FhirRequestMapper.Map([AnkylosingSpondylitis(), Order("mystery", "reiki", "legs")]);

        var cards = CdsCardBuilder.Build(null, mapping).Cards;

        cards.Should().Contain(c => c.Indicator == "warning" && c.Summary == "Check by hand: 1 draft order could not be assessed" && c.Detail.Contains("ServiceRequest/mystery", StringComparison.Ordinal));
    }

    [Fact]
    public void A_contraindicated_item_without_an_order_reference_gets_no_invented_action()
    {
        var request = new AssessmentRequest(
            new PatientStatus { Ankylosis = AnkylosisStatus.Present, AnkylosedRegions = [BodyRegion.Cervical] },
            new SessionPlan { Items = [new PlanItem(Technique.SpinalManipulation, BodyRegion.Cervical, Pressure.Moderate)] });

        var card = CdsCardBuilder.Build(Advisor.Assess(request)).Cards.Single(c => c.Source.Topic?.Code == "ASM-001");

        card.Suggestions.Should().BeEmpty();
        card.Detail.Should().Contain("no draft order reference was given");
    }

    [Fact]
    public void The_published_code_systems_parse_as_fhir_and_match_the_codes_the_mapping_reads()
    {
        var parser = new FhirJsonDeserializer();
        var folder = Path.Combine(Root, "docs", "fhir");
        var systems = Directory.GetFiles(folder, "CodeSystem-*.json").Select(f => parser.Deserialize<Hl7.Fhir.Model.CodeSystem>(File.ReadAllText(f))).ToDictionary(c => c.Url!);

        systems[FhirCodes.Technique].Concept.Select(c => FhirRequestMapper.Named<Technique>(c.Code)).Should().BeEquivalentTo(Enum.GetValues<Technique>().Cast<Technique?>());
        systems[FhirCodes.Region].Concept.Select(c => FhirRequestMapper.Named<BodyRegion>(c.Code)).Should().BeEquivalentTo(Enum.GetValues<BodyRegion>().Cast<BodyRegion?>());
        systems[FhirCodes.Pressure].Concept.Select(c => c.Code).Should().Equal("light", "moderate", "firm", "extreme");
        systems[FhirCodes.OverrideReason].Concept.Select(c => c.Code + " = " + c.Display).Should().Equal(CdsCardBuilder.OverrideReasons.Select(r => r.Code + " = " + r.Display));
    }

    private static bool HasResourceId(JsonElement action) => action.TryGetProperty("resourceId", out _);

    [Fact]
    public void A_warning_card_offers_to_lighten_its_draft_order_to_the_safer_plan()
    {
        var mapping = FhirRequestMapper.Map([AnkylosingSpondylitis("active"), Order("legs", "petrissage", "legs", "extreme")]);

        var cards = CdsCardBuilder.Build(Advisor.Assess(mapping.Request), mapping);

        // Every card about the order (the flare and the extreme-pressure warnings) offers the same change.
        var updates = cards.Cards.SelectMany(c => c.Suggestions).SelectMany(s => s.Actions).Where(a => a.Type == "update").ToList();
        updates.Should().NotBeEmpty();
        updates.Select(a => a.Description).Distinct().Should().ContainSingle();
        var update = updates[0];
        var revised = update.Resource.Should().BeOfType<Hl7.Fhir.Model.ServiceRequest>().Subject;
        revised.Code!.Coding.Single().Code.Should().Be("petrissage");
        revised.OrderDetail.SelectMany(d => d.Coding).Single(c => c.System == FhirCodes.Pressure).Code.Should().Be("moderate");
        update.Description.Should().Contain("ServiceRequest/legs").And.Contain("moderate petrissage (kneading) of the legs");
    }

    [Fact]
    public void An_order_the_safer_plan_leaves_out_is_offered_for_deletion_even_on_a_warning_card()
    {
        var mapping = FhirRequestMapper.Map([AnkylosingSpondylitis(), Order("ball", "toolSelfMassage", "legs", "light")]);

        var cards = CdsCardBuilder.Build(Advisor.Assess(mapping.Request), mapping);

        var card = cards.Cards.Single(c => c.Source.Topic?.Code == "ASM-016");
        card.Indicator.Should().Be("warning");
        card.Suggestions.Should().ContainSingle().Which.Actions.Should().ContainSingle()
            .Which.Should().Match<CdsAction>(a => a.Type == "delete" && a.ResourceId == "ServiceRequest/ball");
    }

    [Fact]
    public void An_order_for_several_regions_changed_differently_is_left_to_the_clinician()
    {
        // One order, two regions: on the fused neck the manipulation becomes effleurage; on the low back too, but the
        // order's items are two, and one order cannot be split by an update.
        var order = Order("two", "spinalManipulation", "cervical", "light");
        order.BodySite.Add(new Hl7.Fhir.Model.CodeableConcept(FhirCodes.Region, "legs"));
        var mapping = FhirRequestMapper.Map([AnkylosingSpondylitis(), order]);

        var cards = CdsCardBuilder.Build(Advisor.Assess(mapping.Request), mapping);

        cards.Cards.SelectMany(c => c.Suggestions).SelectMany(s => s.Actions).Should().NotContain(a => a.Type == "update");
        cards.Cards.First().Detail.Should().Contain("**Safer plan**");
    }

    [Fact]
    public void The_cards_with_suggestions_are_the_same_bytes_every_time()
    {
        var mapping = FhirRequestMapper.Map(ExampleBundle());

        var first = CdsCardWriter.Serialize(CdsCardBuilder.Build(Advisor.Assess(mapping.Request), mapping));
        var second = CdsCardWriter.Serialize(CdsCardBuilder.Build(Advisor.Assess(mapping.Request), mapping));

        second.Should().Be(first).And.Contain("\"type\": \"update\"");
    }

    [Fact]
    public void Listed_notes_and_unassessed_orders_can_be_capped_while_the_summaries_count_them_all()
    {
        // Arrange: 25 unreadable orders and 25 ignored observations.
        var resources = new List<Hl7.Fhir.Model.Resource>();
        for (var i = 0; i < 25; i++)
        {
            resources.Add(Order($"unread-{i}", technique: null, region: "cervical"));
            resources.Add(new Hl7.Fhir.Model.Observation { Id = $"o{i}", Status = Hl7.Fhir.Model.ObservationStatus.Final, Code = new Hl7.Fhir.Model.CodeableConcept(FhirCodes.Loinc, "8867-4") });
        }

        var mapping = FhirRequestMapper.Map(resources);

        // Act
        var capped = CdsCardBuilder.Build(null, mapping, maxListed: 5);
        var full = CdsCardBuilder.Build(null, mapping);

        // Assert
        var check = capped.Cards.Single(c => c.Indicator == "warning");
        check.Summary.Should().Contain("25 draft orders");
        check.Detail.Split('\n').Count(l => l.StartsWith("- ServiceRequest/", StringComparison.Ordinal)).Should().Be(5);
        check.Detail.Should().Contain("- and 20 more draft orders not listed here, which must be checked by hand too");
        var facts = capped.Cards.Single(c => c.Indicator == "info");
        facts.Detail.Split('\n').Count(l => l.StartsWith("- Observation/", StringComparison.Ordinal)).Should().Be(5);
        facts.Detail.Should().MatchRegex("- and [0-9]+ more notes not listed");
        facts.Summary.Should().Be(full.Cards.Single(c => c.Indicator == "info").Summary);
        full.Cards.Single(c => c.Indicator == "info").Detail.Should().NotContain("more notes not listed");
    }
}
