namespace AsMassageAdvisor.Validation;

/// <summary>Size limits on a request, so that no input can make the advisor do unbounded work.</summary>
internal static class RequestLimits
{
    public const int MaxItems = 100;
    public const int MaxListLength = 32;
    public const int MaxDepth = 16;
    public const int MinPainScore = 0;
    public const int MaxPainScore = 10;
}
