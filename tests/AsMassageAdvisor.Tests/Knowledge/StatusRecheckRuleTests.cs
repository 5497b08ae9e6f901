using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Model;

namespace AsMassageAdvisor.Tests.Knowledge;

/// <summary>
/// The re-check rules: a status not confirmed within a week of the session (ASM-030), and neurological symptoms
/// nobody asked about (ASM-031).
/// The plain cases (a request, the rules that fire or stay silent, the decision) are scenarios in
/// tests/scenarios/status-recheck.json; here are the tables over every region or technique and what a scenario cannot say.
/// </summary>
public sealed class StatusRecheckRuleTests
{
    // ---- ASM-030: status confirmed too long before the session ----

    [Fact]
    [Trait("Rule", "ASM-030")]
    public void A_status_with_no_confirmation_date_is_taken_as_current_and_listed_as_unknown()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { StatusConfirmedOn = null });

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-030");
        assessment.UnknownFacts.Should().Contain("$.patient.statusConfirmedOn");
        assessment.Decision.Should().Be(Decision.Proceed);
    }

    [Fact]
    [Trait("Rule", "ASM-030")]
    public void A_plan_with_no_session_date_is_for_today_and_a_status_confirmed_yesterday_is_current()
    {
        var scenario = Scenario.Safe
            .WithPatient(p => p with { StatusConfirmedOn = Scenario.Today.AddDays(-1) })
            .WithPlan(p => p with { SessionDate = null });

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-030");
        assessment.UnknownFacts.Should().Contain("$.plan.sessionDate");
    }

    [Fact]
    [Trait("Rule", "ASM-030")]
    public void A_plan_with_no_session_date_is_for_today_and_a_status_confirmed_weeks_ago_is_rechecked()
    {
        // The safe scenario's status was confirmed on the day before its session date, three weeks before today.
        var scenario = Scenario.Safe.WithPlan(p => p with { SessionDate = null });

        var assessment = scenario.Assess();

        assessment.ShouldFire("ASM-030", "status confirmed 22 days before the session");
        assessment.UnknownFacts.Should().Contain("$.plan.sessionDate");
    }

    [Fact]
    [Trait("Rule", "ASM-030")]
    public void With_neither_date_the_status_is_current_and_both_dates_are_listed_as_unknown()
    {
        var scenario = Scenario.Safe.WithPatient(p => p with { StatusConfirmedOn = null }).WithPlan(p => p with { SessionDate = null });

        var assessment = scenario.Assess();

        assessment.ShouldNotFire("ASM-030");
        assessment.UnknownFacts.Should().Contain(["$.patient.statusConfirmedOn", "$.plan.sessionDate"]);
    }
}
