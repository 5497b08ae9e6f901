using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>The words that show a clinician which facts made a rule fire.</summary>
public sealed class TriggerVocabularyTests
{
    [Theory]
    [InlineData(1, "status confirmed 1 day before the session")]
    [InlineData(0, "status confirmed 0 days before the session")]
    [InlineData(9, "status confirmed 9 days before the session")]
    public void The_status_age_is_given_in_days(int days, string expected)
    {
        var request = Scenario.Safe.WithPatient(p => p with { StatusConfirmedOn = Scenario.SessionDay.AddDays(-days) }).Request;

        TriggerVocabulary.Describe("statusAge", request).Should().Be(expected);
    }

    [Fact]
    public void A_status_age_that_cannot_be_known_shows_both_dates_or_unknown()
    {
        var noSession = Scenario.Safe.WithPlan(p => p with { SessionDate = null }).Request;
        var neither = Scenario.Safe.WithPlan(p => p with { SessionDate = null }).WithPatient(p => p with { StatusConfirmedOn = null }).Request;

        TriggerVocabulary.Describe("statusAge", noSession).Should().Be($"status confirmed on: {Scenario.SessionDay.AddDays(-1):yyyy-MM-dd}, session date: unknown");
        TriggerVocabulary.Describe("statusAge", neither).Should().Be("status confirmed on: unknown, session date: unknown");
    }

    [Fact]
    public void An_empty_list_is_shown_as_none_listed()
    {
        TriggerVocabulary.Describe("painfulTechniques", Scenario.Safe.Request).Should().Be("techniques that raised pain: none listed");
        TriggerVocabulary.Describe("painfulTechniques", Scenario.Safe.WithPainfulTechniques(Technique.DeepTissue, Technique.Friction).Request)
            .Should().Be("techniques that raised pain: deepTissue, friction");
    }

    [Fact]
    public void Restricted_spinal_motion_is_shown_among_triggers_only_when_it_is_yes_but_always_in_an_explanation()
    {
        var no = Scenario.Safe.WithRestrictedSpinalMotion(Answer.No).Request;
        var yes = Scenario.Safe.WithRestrictedSpinalMotion(Answer.Yes).Request;

        TriggerVocabulary.Describe("restrictedSpinalMotion", no).Should().BeNull();
        TriggerVocabulary.Describe("restrictedSpinalMotion", no, everyValue: true).Should().Be("restricted spinal motion: no");
        TriggerVocabulary.Describe("restrictedSpinalMotion", yes).Should().Be("restricted spinal motion: yes");
    }

    [Fact]
    public void The_pain_score_is_shown_out_of_ten_or_as_not_recorded()
    {
        TriggerVocabulary.Describe("painScore", Scenario.Safe.Request).Should().Be("pain score: 2 of 10");
        TriggerVocabulary.Describe("painScore", Scenario.Safe.WithPatient(p => p with { PainScore = null }).Request).Should().Be("pain score: not recorded (unknown)");
    }

    [Fact]
    public void An_unknown_trigger_name_is_a_programming_error_named_as_such()
    {
        FluentActions.Invoking(() => TriggerVocabulary.Describe("mood", Scenario.Safe.Request))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("Not a patient or plan trigger.*");
    }
}
