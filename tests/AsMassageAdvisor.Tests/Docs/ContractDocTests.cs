using System.Text.RegularExpressions;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Knowledge;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;
using AsMassageAdvisor.Tests.Support;

namespace AsMassageAdvisor.Tests.Docs;

/// <summary>docs/contract.md, the published contract, names the model's enumeration values exactly.</summary>
public sealed partial class ContractDocTests
{
    private static readonly string Contract = File.ReadAllText(RepositoryFiles.Path("docs", "contract.md"));

    private static readonly Type[] EnumTypes =
    [
        typeof(DiseaseActivity), typeof(AnkylosisStatus), typeof(Answer), typeof(NsaidResponse),
        typeof(NeurologicalSymptom), typeof(Administrator), typeof(SessionGoal), typeof(Technique),
        typeof(BodyRegion), typeof(Pressure), typeof(Decision), typeof(Severity), typeof(Basis),
        typeof(RuleScope), typeof(RuleStatus), typeof(RuleVerdict), typeof(ChangeAction),
    ];

    public static TheoryData<Type> ContractEnums => new(EnumTypes);

    [Theory]
    [MemberData(nameof(ContractEnums))]
    public void The_enumeration_table_lists_the_models_values_in_order(Type enumType)
    {
        var documented = EnumerationTable().GetValueOrDefault(enumType.Name);

        documented.Should().NotBeNull($"docs/contract.md should list the values of {enumType.Name}");
        documented.Should().Equal(ModelValues(enumType));
    }

    [Fact]
    public void The_enumeration_table_lists_no_type_the_model_lacks()
    {
        EnumerationTable().Keys.Should().BeEquivalentTo(EnumTypes.Select(t => t.Name));
    }

    [Theory]
    [InlineData("neurologicalSymptoms")]
    [InlineData("statusConfirmedOn")]
    [InlineData("sessionDate")]
    [InlineData("painScore")]
    [InlineData("unknownFacts")]
    [InlineData("indeterminate")]
    [InlineData("saferPlan")]
    [InlineData("openQuestions")]
    public void The_contract_describes_the_field(string field)
    {
        Contract.Should().Contain($"`{field}`");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void The_contract_names_every_exit_code(int code)
    {
        Contract.Should().MatchRegex($"(?m)^\\| {code} \\| ");
    }

    private static IReadOnlyList<string> ModelValues(Type enumType) =>
        (IReadOnlyList<string>)typeof(JsonNames).GetMethod(nameof(JsonNames.All))!.MakeGenericMethod(enumType).Invoke(null, null)!;

    private static Dictionary<string, List<string>> EnumerationTable()
    {
        var section = Contract[Contract.IndexOf("## Enumerations", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        return TableRow().Matches(section).ToDictionary(
            m => m.Groups["type"].Value,
            m => Value().Matches(m.Groups["values"].Value).Select(v => v.Groups[1].Value).ToList());
    }

    [GeneratedRegex(@"(?m)^\| `(?<type>[A-Za-z]+)` \| (?<values>.+) \|$")]
    private static partial Regex TableRow();

    [GeneratedRegex("`([A-Za-z]+)`")]
    private static partial Regex Value();
}
