namespace AsMassageAdvisor.Model;

/// <summary>One technique on one region at one pressure. Its position in the plan is its index.</summary>
/// <param name="Technique">The technique.</param>
/// <param name="Region">The body region worked on.</param>
/// <param name="Pressure">The pressure; unknown when not given, and then treated as possibly aggressive.</param>
public sealed record PlanItem(
    Technique Technique,
    BodyRegion Region,
    [property: RequestField(30, QuestionRank = 30)] Pressure Pressure = Pressure.Unknown);
