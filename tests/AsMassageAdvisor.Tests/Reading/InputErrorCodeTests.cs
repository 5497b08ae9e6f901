using System.Text.RegularExpressions;
using AsMassageAdvisor.Reading;
using AsMassageAdvisor.Tests.Support;
using AsMassageAdvisor.Validation;
using FluentValidation;
using FluentValidation.Validators;

namespace AsMassageAdvisor.Tests.Reading;

/// <summary>Every problem carries a stable code from the list the contract documents.</summary>
public sealed partial class InputErrorCodeTests
{
    private const string Plan = "\"plan\":{\"items\":[{\"technique\":\"effleurage\",\"region\":\"legs\",\"pressure\":\"light\"}]}";

    public static TheoryData<string, string> BadRequests => new()
    {
        { $"{{\"patient\":{{\"smoekr\":\"no\"}},{Plan}}}", InputErrorCodes.UnknownField },
        { $"{{\"patient\":{{\"smoker\":\"no\",\"smoker\":\"yes\"}},{Plan}}}", InputErrorCodes.DuplicateField },
        { $"{{\"patient\":{{\"smoker\":1}},{Plan}}}", InputErrorCodes.WrongType },
        { $"{{\"patient\":{{\"smoker\":\"maybe\"}},{Plan}}}", InputErrorCodes.NotAllowedValue },
        { $"{{\"patient\":{{\"painScore\":11}},{Plan}}}", InputErrorCodes.OutOfRange },
        { $"{{\"patient\":{{\"painScore\":1e20}},{Plan}}}", InputErrorCodes.OutOfRange },
        { $"{{{Plan}}}", InputErrorCodes.Required },
        { "{\"patient\":{},\"plan\":{\"items\":[{\"region\":\"legs\"}]}}", InputErrorCodes.Required },
        { "{\"patient\":{},\"plan\":{\"items\":[]}}", InputErrorCodes.Required },
        { new string('[', 40) + new string(']', 40), InputErrorCodes.TooDeep },
        { "{\"patient\":", InputErrorCodes.InvalidJson },
        { $"{{\"patient\":{{\"smoker\":\"\\ud800\"}},{Plan}}}", InputErrorCodes.InvalidUtf8 },
        { $"{{\"patient\":{{\"ankylosis\":\"absent\",\"ankylosedRegions\":[\"cervical\"]}},{Plan}}}", InputErrorCodes.Contradiction },
        { $"{{\"patient\":{{\"ankylosedRegions\":[\"legs\"]}},{Plan}}}", InputErrorCodes.Contradiction },
        { "{\"patient\":{\"statusConfirmedOn\":\"2026-11-24\"},\"plan\":{\"sessionDate\":\"2026-11-23\",\"items\":[{\"technique\":\"effleurage\",\"region\":\"legs\"}]}}", InputErrorCodes.Contradiction },
        { $"{{\"patient\":{{\"painfulTechniques\":[{string.Join(",", Enumerable.Repeat("\"effleurage\"", 33))}]}},{Plan}}}", InputErrorCodes.TooMany },
        { $"{{\"patient\":{{\"statusConfirmedOn\":\"23/11/2026\"}},{Plan}}}", InputErrorCodes.InvalidValue },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void A_problem_has_the_code_of_its_kind(string json, string code)
    {
        var act = () => AssessmentRequestJson.Parse(json);

        act.Should().Throw<InvalidRequestException>().Which.Errors.Select(e => e.Code).Should().Contain(code);
    }

    [Fact]
    public void A_request_too_large_has_the_code_too_large()
    {
        var act = () => AssessmentRequestJson.Parse(new string(' ', AssessmentRequestJson.MaxBytes + 1));

        act.Should().Throw<InvalidRequestException>().Which.Errors.Should().ContainSingle().Which.Code.Should().Be(InputErrorCodes.TooLarge);
    }

    [Fact]
    public void More_problems_than_are_listed_are_counted_under_the_code_too_many()
    {
        var fields = string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"zz{i}\":1"));

        var act = () => AssessmentRequestJson.Parse($"{{\"patient\":{{{fields}}},{Plan}}}");

        act.Should().Throw<InvalidRequestException>().Which.Errors[^1].Code.Should().Be(InputErrorCodes.TooMany);
    }

    [Fact]
    public void Every_code_the_reader_gives_for_the_bad_requests_is_documented()
    {
        var given = BadRequests.Select(row => (string)row[0])
            .SelectMany(json => FluentActions.Invoking(() => AssessmentRequestJson.Parse(json)).Should().Throw<InvalidRequestException>().Which.Errors)
            .Select(e => e.Code)
            .Distinct();

        given.Should().BeSubsetOf(InputErrorCodes.All);
    }

    [Fact]
    public void Every_check_of_the_validator_has_a_documented_code()
    {
        IEnumerable<IValidationRule>[] validators =
        [
            new AssessmentRequestValidator(), new PatientStatusValidator(), new SessionPlanValidator(), new PlanItemValidator(),
        ];

        var components = validators.SelectMany(v => v).SelectMany(rule => rule.Components)
            .Where(c => c.Validator is not IChildValidatorAdaptor)
            .ToList();

        components.Should().NotBeEmpty();
        components.Should().OnlyContain(c => InputErrorCodes.All.Contains(c.ErrorCode));
    }

    [Fact]
    public void The_contract_documents_exactly_the_codes()
    {
        var contract = File.ReadAllText(RepositoryFiles.Path("docs", "contract.md"));
        var section = contract[contract.IndexOf("### What makes a request invalid", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", StringComparison.Ordinal)];

        CodeRow().Matches(section).Select(m => m.Groups[1].Value).Should().Equal(InputErrorCodes.All);
    }

    [GeneratedRegex("(?m)^\\| `([A-Za-z0-9]+)` \\| ")]
    private static partial Regex CodeRow();
}
