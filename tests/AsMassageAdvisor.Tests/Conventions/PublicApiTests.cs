using System.Text;
using AsMassageAdvisor.Tests.Support;
using PublicApiGenerator;

namespace AsMassageAdvisor.Tests.Conventions;

/// <summary>
/// The library's public surface, approved in a file: any change to it shows in review as a change to
/// PublicApi.approved.txt. Run the tests with UPDATE_DOCS=1 to accept a deliberate change.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_is_the_approved_one()
    {
        var api = typeof(Advisor).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false })
            .ReplaceLineEndings("\n") + "\n";
        var path = RepositoryFiles.Path("tests", "AsMassageAdvisor.Tests", "Conventions", "PublicApi.approved.txt");

        if (RepositoryFiles.UpdateDocs)
        {
            File.WriteAllText(path, api, new UTF8Encoding(false));
        }

        File.Exists(path).Should().BeTrue("the approved surface is kept in {0}; run the tests with UPDATE_DOCS=1 to write it", path);
        api.Should().Be(File.ReadAllText(path).ReplaceLineEndings("\n"), "a change to the public API must be approved in PublicApi.approved.txt (UPDATE_DOCS=1)");
    }
}
