namespace AsMassageAdvisor.Knowledge;

/// <summary>A clinical requirement the knowledge base implements, for tracing advice back to it.</summary>
/// <param name="Id">Its ID, e.g. <c>K01</c>.</param>
/// <param name="Summary">What it asks for, in short.</param>
/// <param name="Origin">Where it comes from: the clinical requirements, or added from the source article.</param>
public sealed record Requirement(string Id, string Summary, string Origin);
