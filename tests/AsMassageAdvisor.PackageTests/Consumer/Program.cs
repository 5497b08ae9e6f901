using AsMassageAdvisor;
using Microsoft.Extensions.DependencyInjection;

// Registers the advisor as a host would, assesses the request file given, and prints one line per advisory.
var services = new ServiceCollection();
services.AddAsMassageAdvisor(options => options.ClinicRulesPath = args.Length > 1 ? args[1] : null);
using var provider = services.BuildServiceProvider();
var advisor = provider.GetRequiredService<Advisor>();

try
{
    var assessment = advisor.Assess(File.ReadAllText(args[0]));
    Console.WriteLine($"decision: {assessment.Decision}");
    Console.WriteLine($"knowledge base: {assessment.KnowledgeBase.Version} {assessment.KnowledgeBase.Sha256}");
    foreach (var advisory in assessment.Advisories)
    {
        Console.WriteLine($"{advisory.Code} {advisory.Severity} items [{string.Join(",", advisory.Items)}] {string.Join("; ", advisory.Citations.Select(c => c.Source + " " + c.Section))}");
    }

    return 0;
}
catch (InvalidRequestException ex)
{
    Console.Error.WriteLine($"invalid: {ex.Errors.Count} problems");
    return 2;
}
