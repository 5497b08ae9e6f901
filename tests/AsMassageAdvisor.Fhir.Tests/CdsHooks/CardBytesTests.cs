using System.Text;
using AsMassageAdvisor.Advice;
using AsMassageAdvisor.Fhir.CdsHooks;
using static AsMassageAdvisor.Fhir.Tests.Resources;

namespace AsMassageAdvisor.Fhir.Tests.CdsHooks;

public sealed class CardBytesTests
{
    [Fact]
    public void The_cards_of_the_example_bundle_are_written_byte_for_byte_as_the_committed_file()
    {
        // The committed file is what clients have been reading: a change of writer must not change a byte.
        var path = Path.Combine(Root, "docs", "examples", "fhir", "as-cervical-fusion-neck-manipulation.cards.json");
        var mapping = FhirRequestMapper.Map(ExampleBundle(), new DateOnly(2026, 11, 24));

        var bytes = Encoding.UTF8.GetBytes(CdsCardWriter.Serialize(CdsCardBuilder.Build(new Advisor().Assess(mapping.Request), mapping)));

        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllBytes(path, bytes);
        }

        File.Exists(path).Should().BeTrue("the expected cards are kept in {0}; run the tests with UPDATE_DOCS=1 to write them", path);
        bytes.Should().Equal(File.ReadAllBytes(path), "the cards must be written exactly as the committed file (UPDATE_DOCS=1 accepts a deliberate change)");
    }
}
