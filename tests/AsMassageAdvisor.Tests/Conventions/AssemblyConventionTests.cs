using System.Reflection;
using AsMassageAdvisor.Knowledge;

namespace AsMassageAdvisor.Tests.Conventions;

public sealed class AssemblyConventionTests
{
    private static readonly Type[] PublicTypes = typeof(Advisor).Assembly.GetExportedTypes();

    [Fact]
    public void Public_classes_are_sealed_or_static()
    {
        PublicTypes.Where(t => t.IsClass && !(t.IsSealed || (t.IsAbstract && t.IsSealed)))
            .Should().BeEmpty("public classes are sealed by default");
    }

    [Fact]
    public void Public_results_have_no_public_setters()
    {
        var results = PublicTypes.Where(t => t.Namespace == "AsMassageAdvisor.Advice" && t.IsClass);

        results.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Should().BeEmpty("results are immutable");
    }

    [Fact]
    public void The_rules_engine_stays_behind_its_seam()
    {
        // No public signature may expose an NRules type: the engine stays behind the Engine folder.
        var exposed = PublicTypes
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => MentionsRulesEngine(m))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        exposed.Should().BeEmpty();
    }

    [Fact]
    public void Model_enums_default_to_unknown_where_a_fact_can_be_unknown()
    {
        var facts = new[]
        {
            typeof(AsMassageAdvisor.Model.Answer), typeof(AsMassageAdvisor.Model.DiseaseActivity), typeof(AsMassageAdvisor.Model.AnkylosisStatus),
            typeof(AsMassageAdvisor.Model.NsaidResponse), typeof(AsMassageAdvisor.Model.Administrator), typeof(AsMassageAdvisor.Model.Pressure),
        };

        facts.Select(t => Enum.GetName(t, 0)).Should().OnlyContain(name => name == "Unknown");
    }

    [Fact]
    public void Rule_expressions_may_only_name_the_documented_vocabulary()
    {
        typeof(Terms).IsPublic.Should().BeTrue();
        typeof(Terms).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name)
            .Should().BeEquivalentTo(["IsBackOrNeck", "IsSpinal", "IsSpinalWork", "MovesSpinalJoints", "SpinalRegionMovedFrom", "IsAggressive", "MayBeAggressive",
                "HasHighPainToday", "HasAssessedUnchangedSymptoms", "IsGentle", "StatusAgeInDays"]);
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static bool MentionsRulesEngine(MemberInfo member)
    {
        static bool FromEngine(Type? t) => t?.Assembly.GetName().Name?.StartsWith("NRules", StringComparison.Ordinal) == true;
        return member switch
        {
            PropertyInfo p => FromEngine(p.PropertyType),
            MethodInfo m => FromEngine(m.ReturnType) || m.GetParameters().Any(x => FromEngine(x.ParameterType)),
            ConstructorInfo c => c.GetParameters().Any(x => FromEngine(x.ParameterType)),
            FieldInfo f => FromEngine(f.FieldType),
            _ => false,
        };
    }
}
