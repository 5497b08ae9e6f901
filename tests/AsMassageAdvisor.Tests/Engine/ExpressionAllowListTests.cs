using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Engine;

/// <summary>
/// Clinic rule files are untrusted input. Each expression below gets through, runs slowly, reaches outside
/// the model or is not deterministic; every one must be rejected when the file is loaded, with a message
/// that names the rule and what is wrong. Several are accepted by RulesEngine's parser on its own.
/// </summary>
public sealed class ExpressionAllowListTests
{
    public static TheoryData<string, string> HostileExpressions => new()
    {
        // Reflection through GetType(), which the parser lets through.
        { "patient.GetType().Assembly.Location != null", "GetType" },
        { "patient.GetType().Assembly.ExportedTypes.Count() > 0", "GetType" },
        { "patient.AnkylosedRegions.GetType().GetMethods().Length > 0", "GetType" },
        { "patient.ToString() != \"\"", "ToString" },
        { "patient.GetHashCode() > 0", "GetHashCode" },
        { "plan.Equals(patient)", "Equals" },
        // Unbounded or costly work.
        { "Enumerable.Range(0, 300000000).Count() > 0", "Range" },
        { "Enumerable.Repeat(1, 1000000000).Count() > 0", "Repeat" },
        { "plan.Items.Any(a => plan.Items.Any(b => plan.Items.Any(c => c.Pressure == Pressure.Firm)))", "nested more than 2" },
        { "plan.Items.Aggregate(0, (acc, i) => acc + 1) > 0", "does not compile" },
        { "plan.Items.Sum(i => 1000000) > 0", "Enumerable.Sum" },
        { "\"x\".PadLeft(1000000000) != \"\"", "PadLeft" },
        { string.Join(" && ", Enumerable.Repeat("patient.PainScore != 3", 120)), "characters long" },
        // Object creation.
        { "new PlanItem(Technique.Effleurage, BodyRegion.Arms, Pressure.Light) != null", "does not compile" },
        { "PlanItem(Technique.Effleurage, BodyRegion.Arms, Pressure.Light).Region == BodyRegion.Arms", "'New' expressions are not allowed" },
        { "patient.PainfulTechniques.Select(t => t.ToString()).Count() > 0", "Select" },
        // Types, reflection, I/O, environment and processes by name.
        { "typeof(PatientStatus) != null", "does not compile" },
        { "Type.GetType(\"System.IO.File\") != null", "does not compile" },
        { "System.IO.File.Exists(\"/etc/passwd\")", "does not compile" },
        { "Environment.GetEnvironmentVariable(\"HOME\") != null", "does not compile" },
        { "System.Diagnostics.Process.Start(\"sh\") != null", "does not compile" },
        { "Activator.CreateInstance(typeof(PatientStatus)) != null", "does not compile" },
        { "AppDomain.CurrentDomain.FriendlyName != \"\"", "does not compile" },
        { "GC.GetTotalMemory(true) > 0", "does not compile" },
        // Non-determinism: the same request must always get the same answer.
        { "DateTime.Now.Year > 2000", "DateTime" },
        { "Guid.NewGuid() != Guid.Empty", "Guid" },
        { "Math.Pow(10, 400) > 1", "Math.Pow" },
        { "Convert.ToInt32(patient.PainScore) > 3", "Convert.ToInt32" },
        // Text that should never reach a parser or a terminal.
        { "patient.PainScore > 3 \u001b[2J", "control characters" },
    };

    [Theory]
    [MemberData(nameof(HostileExpressions))]
    public void A_hostile_expression_in_a_clinic_rule_file_is_rejected_at_load_with_a_clear_message(string expression, string named)
    {
        var load = () => KnowledgeBase.BuiltIn.WithClinicRules(ClinicRuleFiles.WithRule(expression));

        var problems = load.Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList();
        problems.Should().Contain(p => p.Contains("CLN-100", StringComparison.Ordinal) && p.Contains(named, StringComparison.Ordinal), "the problem names the rule and what is wrong");
    }

    [Fact]
    public void The_corpus_holds_at_least_twenty_hostile_expressions()
    {
        HostileExpressions.Count.Should().BeGreaterThanOrEqualTo(20);
    }

    [Theory]
    [MemberData(nameof(HostileExpressions))]
    public void A_hostile_expression_is_rejected_in_the_built_in_path_too(string expression, string named)
    {
        var load = () => TestKnowledge.WithExtraRule("ASM-900", "patient", "caution", expression);

        load.Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList()
            .Should().Contain(p => p.Contains("ASM-900", StringComparison.Ordinal) && p.Contains(named, StringComparison.Ordinal));
    }

    public static TheoryData<string, string> AllowedExpressions => new()
    {
        { "patient.PainScore == null || patient.PainScore >= 7", "patient" },
        { "patient.PainScore.HasValue && patient.PainScore.Value + 2 > 8", "patient" },
        { "plan.Items.Count(i => i.Region == BodyRegion.Chest) >= 2", "patient" },
        { "plan.Items.Any(a => plan.Items.Any(b => a.Region == b.Region && a.Technique != b.Technique))", "patient" },
        { "patient.AnkylosedRegions.Contains(BodyRegion.Thoracic) && plan.Goals.Count > 1", "patient" },
        { "Terms.IsSpinal(item.Region) && Math.Max(patient.PainScore ?? 10, 0) > 5", "item" },
        { "plan.SessionDate != null && plan.SessionDate.Value.Month == 12", "patient" },
        { "patient.NeurologicalSymptoms != null && patient.NeurologicalSymptoms.All(s => s != NeurologicalSymptom.SensoryChanges)", "patient" },
        { "plan.Items[0].Pressure == Pressure.Firm", "patient" },
    };

    [Theory]
    [MemberData(nameof(AllowedExpressions))]
    public void An_expression_within_the_model_and_the_vocabulary_is_accepted(string expression, string scope)
    {
        var knowledgeBase = KnowledgeBase.BuiltIn.WithClinicRules(ClinicRuleFiles.WithRule(expression, scope));

        knowledgeBase.ActiveRules.Should().Contain(r => r.Code == "CLN-100");
    }

    [Fact]
    public void Every_problem_of_one_expression_is_named_once()
    {
        var load = () => KnowledgeBase.BuiltIn.WithClinicRules(ClinicRuleFiles.WithRule("patient.ToString() != \"\" && plan.ToString() != \"\" && Enumerable.Range(0, 9).Count() > 1"));

        var problems = load.Should().Throw<KnowledgeBaseException>().Which.Problems.Select(problem => problem.ToString()).ToList();
        problems.Should().OnlyHaveUniqueItems();
        problems.Should().ContainSingle(p => p.Contains("Object.ToString", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("Enumerable.Range", StringComparison.Ordinal));
    }
}
