using System.IO.Compression;
using System.Xml.Linq;
using AsMassageAdvisor.Knowledge;

namespace AsMassageAdvisor.PackageTests;

/// <summary>
/// The packages themselves, not the projects: what they hold, and whether a separate project and the dotnet
/// tool installer can use them from a local folder.
/// </summary>
public sealed class PackageTests(PackagedBuild build) : IClassFixture<PackagedBuild>
{
    [Fact]
    public void The_library_package_holds_the_assembly_its_xml_docs_its_readme_and_its_metadata()
    {
        using var package = ZipFile.OpenRead(build.Package("AsMassageAdvisor"));

        package.Entries.Select(e => e.FullName).Should().Contain(["lib/net10.0/AsMassageAdvisor.dll", "lib/net10.0/AsMassageAdvisor.xml", "README.md"]);
        var metadata = Metadata(package, "AsMassageAdvisor.nuspec");
        Value(metadata, "id").Should().Be("AsMassageAdvisor");
        Value(metadata, "version").Should().Be(build.Version);
        Value(metadata, "description").Should().Contain("ankylosing spondylitis");
        Value(metadata, "tags").Should().Contain("ankylosing-spondylitis");
        Value(metadata, "readme").Should().Be("README.md");
        Value(metadata, "authors").Should().NotBeNullOrWhiteSpace();
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        license.Attribute("type")!.Value.Should().Be("expression");
        license.Value.Should().Be("MIT");
        metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("commit")!.Value.Should().MatchRegex("^[0-9a-f]{40}$");
        Dependencies(metadata).Should().Contain(["NRules.RuleModel", "NRules.Runtime", "System.Linq.Dynamic.Core", "FluentValidation", "Microsoft.Extensions.Options"]);
        var docs = XDocument.Load(package.GetEntry("lib/net10.0/AsMassageAdvisor.xml")!.Open());
        docs.Descendants("member").Select(m => m.Attribute("name")!.Value).Should().Contain("T:AsMassageAdvisor.Advisor");
    }

    [Fact]
    public void The_fhir_package_holds_its_assembly_docs_and_readme_and_depends_on_the_library_and_the_firely_sdk()
    {
        using var package = ZipFile.OpenRead(build.Package("AsMassageAdvisor.Fhir"));

        package.Entries.Select(e => e.FullName).Should().Contain(["lib/net10.0/AsMassageAdvisor.Fhir.dll", "lib/net10.0/AsMassageAdvisor.Fhir.xml", "README.md"]);
        var metadata = Metadata(package, "AsMassageAdvisor.Fhir.nuspec");
        Value(metadata, "readme").Should().Be("README.md");
        Value(metadata, "tags").Should().Contain("cds-hooks");
        Dependencies(metadata).Should().Contain(["AsMassageAdvisor", "Hl7.Fhir.R4"]);
    }

    [Theory]
    [InlineData("AsMassageAdvisor", "lib/net10.0/AsMassageAdvisor.pdb")]
    [InlineData("AsMassageAdvisor.Fhir", "lib/net10.0/AsMassageAdvisor.Fhir.pdb")]
    [InlineData("AsMassageAdvisor.Cli", "tools/net10.0/any/as-massage-advisor.pdb")]
    public void Each_package_has_a_symbol_package_with_its_pdb(string id, string pdb)
    {
        using var symbols = ZipFile.OpenRead(build.Package(id, "snupkg"));

        symbols.Entries.Select(e => e.FullName).Should().Contain(pdb);
    }

    [Fact]
    public void The_tool_package_is_a_dotnet_tool_named_as_massage_advisor()
    {
        using var package = ZipFile.OpenRead(build.Package("AsMassageAdvisor.Cli"));

        var settings = XDocument.Load(package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
        settings.Descendants("Command").Single().Attribute("Name")!.Value.Should().Be("as-massage-advisor");
        var metadata = Metadata(package, "AsMassageAdvisor.Cli.nuspec");
        metadata.Elements().Single(e => e.Name.LocalName == "packageTypes").Elements().Single().Attribute("name")!.Value.Should().Be("DotnetTool");
        Value(metadata, "readme").Should().Be("README.md");
        package.Entries.Select(e => e.FullName).Should().Contain("README.md");
    }

    [Fact]
    public void A_separate_project_restores_the_package_from_the_local_folder_and_assesses_through_dependency_injection()
    {
        var consumer = Path.Combine(build.Root, "tests", "AsMassageAdvisor.PackageTests", "Consumer");

        var (exit, output) = build.Dotnet(consumer, "run", "-c", "Release", $"-p:AdvisorPackageVersion={build.Version}", "--",
            build.Example("manipulation-ankylosed-neck.json"));

        exit.Should().Be(0, output);
        output.Should().Contain("decision: ProceedWithModifications")
            .And.Contain($"knowledge base: {KnowledgeBase.BuiltIn.Identity.Version} {KnowledgeBase.BuiltIn.Identity.Sha256}")
            .And.MatchRegex(@"ASM-001 Contraindicated items \[\d+\] S0 ");
        Directory.Exists(Path.Combine(build.Cache, "asmassageadvisor", build.Version)).Should().BeTrue("the package came from the local folder into this test's own cache");
    }

    [Fact]
    public void A_separate_project_can_add_a_clinic_rule_file()
    {
        var consumer = Path.Combine(build.Root, "tests", "AsMassageAdvisor.PackageTests", "Consumer");

        var (exit, output) = build.Dotnet(consumer, "run", "-c", "Release", $"-p:AdvisorPackageVersion={build.Version}", "--",
            build.Example("unknown-ankylosis.json"), build.Example("clinic-rules.json"));

        exit.Should().Be(0, output);
        output.Should().Contain("CLN-001 Caution");
    }

    [Fact]
    public void The_tool_installs_from_the_local_folder_and_prints_its_and_the_knowledge_base_versions()
    {
        var tools = Path.Combine(build.Root, "artifacts", "package-test-tools");
        if (Directory.Exists(tools))
        {
            Directory.Delete(tools, recursive: true);
        }

        var install = build.Dotnet(build.Root, "tool", "install", "AsMassageAdvisor.Cli", "--version", build.Version,
            "--tool-path", tools, "--add-source", build.Packages);
        install.Exit.Should().Be(0, install.Output);
        var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "as-massage-advisor.exe" : "as-massage-advisor");

        var version = build.Run(tool, build.Root, "--version");
        var assess = build.Run(tool, build.Root, "assess", build.Example("manipulation-ankylosed-neck.json"), "--format", "json");

        version.Exit.Should().Be(0, version.Output);
        version.Output.Should().StartWith($"as-massage-advisor {build.Version}")
            .And.Contain($"knowledge base {KnowledgeBase.BuiltIn.Identity.Version} (sha256 {KnowledgeBase.BuiltIn.Identity.Sha256})");
        assess.Exit.Should().Be(0, assess.Output);
        assess.Output.Should().Contain("\"code\": \"ASM-001\"");
    }

    private static XElement Metadata(ZipArchive package, string nuspec) =>
        XDocument.Load(package.GetEntry(nuspec)!.Open()).Root!.Elements().Single(e => e.Name.LocalName == "metadata");

    private static string? Value(XElement metadata, string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    private static IEnumerable<string> Dependencies(XElement metadata) =>
        metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value);
}
