namespace AsMassageAdvisor.Browser.Tests.Support;

/// <summary>A theory that needs Chromium: reported as skipped, never as passed, where it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (!Chromium.IsInstalled)
        {
            Skip = Chromium.SkipReason;
        }
    }
}
