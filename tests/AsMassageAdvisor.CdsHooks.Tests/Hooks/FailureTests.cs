using System.Net;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.CdsHooks.Hooks;
using AsMassageAdvisor.CdsHooks.Tests.Support;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AsMassageAdvisor.CdsHooks.Tests.Hooks;

public sealed class FailureTests
{
    [Fact]
    public async Task An_unexpected_failure_is_500_saying_the_orders_are_unchecked_never_an_empty_card_list()
    {
        // Arrange
        using var host = CdsHooksHost.Start(replaceServices: services =>
            services.Replace(ServiceDescriptor.Singleton<IPlanAssessor, FailingAssessor>()));
        using var client = host.NewClient();

        // Act
        var (status, body, mediaType) = await Http.PostAsync(client, Http.Service, HookRequests.Example());

        // Assert
        status.Should().Be(HttpStatusCode.InternalServerError);
        mediaType.Should().Be("application/problem+json");
        var problem = Http.Json(body);
        problem.TryGetProperty("cards", out _).Should().BeFalse();
        problem.GetProperty("title").GetString().Should().Contain("failed");
        problem.GetProperty("detail").GetString().Should().Contain("NOT been checked").And.NotContain("at AsMassageAdvisor");
    }

    [Fact]
    public async Task A_feedback_file_that_cannot_be_written_is_500_not_a_silent_loss()
    {
        // A folder where the file should be: the append fails.
        var path = CdsHooksHost.NewFeedbackFile();
        Directory.CreateDirectory(path);
        using var host = CdsHooksHost.Start(feedbackFile: path);
        using var client = host.NewClient();

        var (card, suggestion) = await FeedbackBodies.IssueAsync(client);

        var (status, body, _) = await Http.PostAsync(client, Http.Service + "/feedback", FeedbackBodies.Accepted(card, suggestion));

        status.Should().Be(HttpStatusCode.InternalServerError);
        body.Should().Contain("failed");
    }

    [Fact]
    public async Task A_failure_answer_and_the_logs_above_debug_never_carry_the_exceptions_message()
    {
        // Arrange
        using var logs = new CapturingLoggerProvider();
        using var host = CdsHooksHost.Start(logs: logs, replaceServices: services =>
            services.Replace(ServiceDescriptor.Singleton<IPlanAssessor, FailingAssessor>()));
        using var client = host.NewClient();

        // Act
        var (status, body, _) = await Http.PostAsync(client, Http.Service, HookRequests.Example());

        // Assert
        status.Should().Be(HttpStatusCode.InternalServerError);
        body.Should().NotContain("simulated failure").And.NotContain(nameof(InvalidOperationException));
        var visible = logs.Records.Where(r => r.Level > LogLevel.Debug).Select(r => r.Message).ToList();
        visible.Should().Contain(m => m.Contains(nameof(InvalidOperationException), StringComparison.Ordinal), "the failure is logged by its type");
        visible.Should().NotContain(m => m.Contains("simulated failure", StringComparison.Ordinal));
    }

    private sealed class FailingAssessor : IPlanAssessor
    {
        public Assessment Assess(AssessmentRequest request) => throw new InvalidOperationException("simulated failure");
    }
}
