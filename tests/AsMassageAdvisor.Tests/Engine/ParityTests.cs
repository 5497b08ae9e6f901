using System.Text.Json;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Reading;
using AsMassageAdvisor.Tests.Support;
using Xunit.Abstractions;

namespace AsMassageAdvisor.Tests.Engine;

/// <summary>The NRules engine against the former loop over the rules: byte-identical assessments.</summary>
public sealed class ParityTests(ITestOutputHelper output)
{
    [Fact]
    public void The_nrules_engine_and_the_former_loop_give_byte_identical_assessments()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("ASMA_PARITY_COUNT"), out var n) ? n : 100_000;
        var kb = KnowledgeBase.BuiltIn;
        var time = TimeProvider.System;
        var mismatches = new List<string>();
        var compared = 0;
        var requests = RandomRequests.Generate(seed: 20261204, count: count)
            .Concat(Directory.GetFiles(RepositoryFiles.Path("docs", "examples"), "*.json")
                .Where(f => !f.EndsWith("invalid-request.json", StringComparison.Ordinal) && !f.EndsWith("clinic-rules.json", StringComparison.Ordinal))
                .Select(f => AssessmentRequestJson.Parse(File.ReadAllText(f))));
        foreach (var request in requests)
        {
            var loop = AssessmentJson.Serialize(LoopAssessmentBuilder.Build(kb, request, time));
            var engine = AssessmentJson.Serialize(AssessmentBuilder.Build(kb, request, time));
            if (!string.Equals(loop, engine, StringComparison.Ordinal) && mismatches.Count < 5)
            {
                mismatches.Add($"{JsonSerializer.Serialize(request)}\nloop:   {loop}\nengine: {engine}");
            }

            compared++;
        }

        // The same with the example clinic rule file added.
        var clinic = kb.WithClinicRules(File.ReadAllText(RepositoryFiles.Path("docs", "examples", "clinic-rules.json")));
        foreach (var request in RandomRequests.Generate(seed: 7, count: count / 10))
        {
            var loop = AssessmentJson.Serialize(LoopAssessmentBuilder.Build(clinic, request, time));
            var engine = AssessmentJson.Serialize(AssessmentBuilder.Build(clinic, request, time));
            if (!string.Equals(loop, engine, StringComparison.Ordinal) && mismatches.Count < 5)
            {
                mismatches.Add($"clinic: {JsonSerializer.Serialize(request)}\nloop:   {loop}\nengine: {engine}");
            }

            compared++;
        }

        output.WriteLine($"{compared} requests compared, {mismatches.Count} differences");
        mismatches.Should().BeEmpty();
    }
}
