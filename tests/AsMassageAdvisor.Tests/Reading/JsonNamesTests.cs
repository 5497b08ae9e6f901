using System.Text.Json;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Tests.Reading;

/// <summary>
/// The enum names the readers accept and the reports write are the model's member names under the contract's naming
/// policy, in the runtime's order, and the same names the contract's JSON writer writes.
/// </summary>
public sealed class JsonNamesTests
{
    public static TheoryData<Type> EnumTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(Advisor).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EnumTypes))]
    public void Every_member_has_its_camel_case_name_both_ways_and_in_the_runtimes_order(Type enumType)
    {
        typeof(JsonNamesTests).GetMethod(nameof(Check), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(enumType).Invoke(null, null);
    }

    [Fact]
    public void The_names_the_writer_writes_are_the_names_the_reader_reads()
    {
        foreach (var decision in Enum.GetValues<Decision>())
        {
            JsonSerializer.Serialize(decision, ContractJsonContext.Default.Decision).Should().Be($"\"{JsonNames.Of(decision)}\"");
        }

        foreach (var technique in Enum.GetValues<AsMassageAdvisor.Model.Technique>())
        {
            JsonSerializer.Serialize(technique, ContractJsonContext.Default.Technique).Should().Be($"\"{JsonNames.Of(technique)}\"");
        }
    }

    private static void Check<TEnum>()
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        values.Distinct().Should().HaveSameCount(values, "each member of a contract enum has a value of its own");

        JsonNames.All<TEnum>().Should().Equal(values.Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString())));
        foreach (var value in values)
        {
            var name = JsonNames.Of(value);
            name.Should().Be(JsonNamingPolicy.CamelCase.ConvertName(Enum.GetName(value)!));
            JsonNames.TryParse<TEnum>(name, out var read).Should().BeTrue();
            read.Should().Be(value);

            // Names are matched exactly: another case, a number or surrounding space is not a name.
            JsonNames.TryParse<TEnum>(name.ToUpperInvariant(), out _).Should().Be(name.ToUpperInvariant() == name);
            JsonNames.TryParse<TEnum>(" " + name, out _).Should().BeFalse();
            JsonNames.TryParse<TEnum>(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture), out _).Should().BeFalse();
        }

        JsonNames.TryParse<TEnum>("", out var none).Should().BeFalse();
        none.Should().Be(default(TEnum));
        var undefined = (TEnum)Enum.ToObject(typeof(TEnum), 1000);
        var write = () => JsonNames.Of(undefined);
        write.Should().Throw<ArgumentOutOfRangeException>();
    }
}
