namespace AsMassageAdvisor.Advice;

/// <summary>Which clinic rule file was loaded on top of the built-in knowledge base.</summary>
/// <param name="Name">The name the file gives itself (its <c>knowledgeBase</c> field).</param>
/// <param name="Version">The file's version.</param>
/// <param name="Sha256">The SHA-256 of the file, lower-case hex.</param>
public sealed record ClinicRulesIdentity(string Name, string Version, string Sha256);
