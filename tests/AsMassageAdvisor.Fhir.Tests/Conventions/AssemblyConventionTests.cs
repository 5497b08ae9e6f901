using AsMassageAdvisor.Fhir.CdsHooks;

namespace AsMassageAdvisor.Fhir.Tests.Conventions;

public sealed class AssemblyConventionTests
{
    private static readonly Type[] PublicTypes = typeof(FhirRequestMapper).Assembly.GetExportedTypes();

    [Fact]
    public void Public_classes_of_the_fhir_package_are_sealed_or_static()
    {
        // A static class is abstract and sealed in metadata, so IsSealed covers both.
        PublicTypes.Where(t => t.IsClass && !t.IsSealed)
            .Should().BeEmpty("public classes are sealed by default: a package type is not meant to be derived from");
    }

    [Fact]
    public void The_fhir_package_has_public_types_to_check()
    {
        PublicTypes.Should().Contain([typeof(FhirRequestMapper), typeof(CdsCardBuilder), typeof(CdsCardWriter)]);
    }
}
