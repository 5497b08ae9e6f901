using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Hosting;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using AsMassageAdvisor.Tests.Knowledge;
using AsMassageAdvisor.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsMassageAdvisor.Tests.Hosting;

public sealed class AsMassageAdvisorServiceCollectionExtensionsTests : IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("advisor-di-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void One_line_registers_one_shared_advisor_on_the_built_in_rules()
    {
        using var services = Build(_ => { });
        services.GetRequiredService<IStartupValidator>().Validate();

        var advisor = services.GetRequiredService<Advisor>();

        advisor.Should().BeSameAs(services.GetRequiredService<Advisor>());
        advisor.KnowledgeBase.Should().BeSameAs(KnowledgeBase.BuiltIn);
        advisor.Assess(Scenario.Safe.Request).Decision.Should().Be(Decision.Proceed);
    }

    [Fact]
    public void Loading_logs_the_knowledge_base_version_hash_and_rule_counts_at_information()
    {
        using var services = Build(o => o.ClinicRulesPath = ClinicRuleFiles.ExamplePath);

        services.GetRequiredService<Advisor>();

        var builtIn = KnowledgeBase.BuiltIn;
        _logs.Records.Should().Contain(r => r.Level == LogLevel.Information
            && r.Message.Contains($"Knowledge base {builtIn.Identity.Version} (sha256 {builtIn.Identity.Sha256}) loaded: {builtIn.Rules.Count} rules", StringComparison.Ordinal));
        _logs.Records.Should().Contain(r => r.Level == LogLevel.Information
            && r.Message.Contains("Clinic rules 'Example clinic: house rules for massage in inflammatory back disease' 2026.1", StringComparison.Ordinal)
            && r.Message.Contains("added: 2 rules", StringComparison.Ordinal));
    }

    [Fact]
    public void A_clinic_rule_file_from_the_options_is_added_to_the_built_in_rules()
    {
        using var services = Build(o => o.ClinicRulesJson = ClinicRuleFiles.Example);

        var knowledgeBase = services.GetRequiredService<Advisor>().KnowledgeBase;

        knowledgeBase.Identity.ClinicRules!.Version.Should().Be("2026.1");
        knowledgeBase.Should().BeSameAs(services.GetRequiredService<KnowledgeBase>(), "it is loaded once");
    }

    [Fact]
    public void A_bad_clinic_rule_file_stops_the_start_with_every_problem_named()
    {
        var path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, ClinicRuleFiles.WithRule("patient.GetType().Assembly.Location != null"));
        using var services = Build(o => o.ClinicRulesPath = path);

        var start = () => services.GetRequiredService<IStartupValidator>().Validate();

        start.Should().Throw<OptionsValidationException>().Which.Failures
            .Should().Contain(f => f.Contains("clinic rule file: CLN-100: not allowed: the method 'Object.GetType'", StringComparison.Ordinal));
        _logs.Records.Should().Contain(r => r.Level == LogLevel.Error && r.Message.Contains("was rejected with", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, true, "not both")]
    [InlineData(true, false, "no file at")]
    public void Contradictory_or_missing_clinic_settings_stop_the_start(bool path, bool json, string expected)
    {
        using var services = Build(o =>
        {
            o.ClinicRulesPath = path ? Path.Combine(_folder, "missing.json") : null;
            o.ClinicRulesJson = json ? ClinicRuleFiles.Example : null;
        });

        var start = () => services.GetRequiredService<IStartupValidator>().Validate();

        start.Should().Throw<OptionsValidationException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void A_rule_that_cannot_be_evaluated_is_logged_as_a_warning_by_its_code()
    {
        using var services = Build(o => o.ClinicRulesJson = ClinicRuleFiles.WithRule("patient.PainScore.Value > 100"));
        var request = Scenario.Safe.WithPatient(p => p with { PainScore = null }).Request;

        services.GetRequiredService<Advisor>().Assess(request);

        _logs.Records.Should().ContainSingle(r => r.Level == LogLevel.Warning)
            .Which.Message.Should().Be("Rule CLN-100 could not be evaluated; its advisory was issued conservatively, as if it applied");
    }

    [Fact]
    public void Patient_facts_never_reach_the_logs_above_debug()
    {
        using var services = Build(o => o.ClinicRulesJson = ClinicRuleFiles.WithRule("patient.PainScore.Value > 100"));
        var advisor = services.GetRequiredService<Advisor>();
        var texts = new List<string>();

        foreach (var request in RandomRequests.Generate(seed: 424242, count: 300))
        {
            var assessment = advisor.Assess(request);
            texts.AddRange(assessment.Advisories.SelectMany(a => a.Triggers));
            advisor.Explain(request);
        }

        var invalid = """{"patient":{"diseaseActivity":"flrae","painScore":11,"smoker":"sometimes"},"plan":{"items":[]}}""";
        var problems = FluentActions.Invoking(() => advisor.Assess(invalid)).Should().Throw<InvalidRequestException>().Which.Errors.Count;

        var aboveDebug = _logs.Records.Where(r => r.Level > LogLevel.Debug && r.Category.StartsWith("AsMassageAdvisor", StringComparison.Ordinal)).ToList();
        aboveDebug.Should().Contain(r => r.Level == LogLevel.Information && r.Message == $"A request was rejected as invalid with {problems} problems");
        var factWords = texts.Select(t => t.Split(": ", 2)[^1]).Concat(["flrae", "sometimes", "11"]).Distinct().ToList();
        foreach (var record in aboveDebug)
        {
            record.Message.Should().NotContainAny(factWords.Where(w => w.Length > 3));
        }

        _logs.Records.Should().Contain(r => r.Level == LogLevel.Debug && r.Message.StartsWith("Assessed a plan of", StringComparison.Ordinal), "the summary goes to Debug");
    }

    private ServiceProvider Build(Action<AsMassageAdvisorOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddAsMassageAdvisor(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
