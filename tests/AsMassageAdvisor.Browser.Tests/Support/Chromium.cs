namespace AsMassageAdvisor.Browser.Tests.Support;

/// <summary>The system's Chromium (Debian's <c>chromium</c> package); the tests never download a browser.</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string SkipReason = "Chromium (" + ExecutablePath + ") is not installed; install Debian's chromium package to run the browser tests";

    public static bool IsInstalled => File.Exists(ExecutablePath);
}
