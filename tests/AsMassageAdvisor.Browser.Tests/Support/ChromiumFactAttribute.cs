namespace AsMassageAdvisor.Browser.Tests.Support;

/// <summary>A fact that needs Chromium: reported as skipped, never as passed, where it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.IsInstalled)
        {
            Skip = Chromium.SkipReason;
        }
    }
}
