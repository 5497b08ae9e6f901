using System.Text;
using PublicApiGenerator;
using static AsMassageAdvisor.Fhir.Tests.Resources;

namespace AsMassageAdvisor.Fhir.Tests.Conventions;

/// <summary>
/// The package's public surface, approved in a file as the core library's is: any change to it shows in
/// review as a change to PublicApi.approved.txt. Run the tests with UPDATE_DOCS=1 to accept a deliberate change.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_of_the_fhir_package_is_the_approved_one()
    {
        var api = typeof(FhirRequestMapper).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false })
            .ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(Root, "tests", "AsMassageAdvisor.Fhir.Tests", "Conventions", "PublicApi.approved.txt");

        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, api, new UTF8Encoding(false));
        }

        File.Exists(path).Should().BeTrue("the approved surface is kept in {0}; run the tests with UPDATE_DOCS=1 to write it", path);
        api.Should().Be(File.ReadAllText(path).ReplaceLineEndings("\n"), "a change to the public API must be approved in PublicApi.approved.txt (UPDATE_DOCS=1)");
    }
}
