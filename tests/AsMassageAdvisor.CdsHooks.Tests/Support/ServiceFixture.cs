namespace AsMassageAdvisor.CdsHooks.Tests.Support;

/// <summary>One running service shared by the tests of a class.</summary>
public sealed class ServiceFixture : IDisposable
{
    public CdsHooksHost Host { get; } = CdsHooksHost.Start();

    public void Dispose() => Host.Dispose();
}
