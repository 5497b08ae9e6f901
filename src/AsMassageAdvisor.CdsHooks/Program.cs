using AsMassageAdvisor.CdsHooks;

CdsHooksApplication.Create(args).Run();

/// <summary>The entry point; named so that tests can host the service with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
