using AsMassageAdvisor.Benchmarks;
using BenchmarkDotNet.Running;

// Load check of the CDS Hooks service over loopback HTTP (not a BenchmarkDotNet run):
// dotnet run -c Release --project tests/AsMassageAdvisor.Benchmarks -- load-check [--clients 50] [--requests 20000] [--warmup 2000] [--signed] [--CdsHooks:Key=value ...]
if (args is ["load-check", .. var rest])
{
    return await LoadCheck.RunAsync(rest);
}

// The straightforward NRules port compared with the hand-written rules on N random requests (not a BenchmarkDotNet run):
// dotnet run -c Release --project tests/AsMassageAdvisor.Benchmarks -- port-check [N] [--seed S]
if (args is ["port-check", .. var portArgs])
{
    return PortCheck.Run(portArgs);
}

// dotnet run -c Release --project tests/AsMassageAdvisor.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(AssessBenchmarks).Assembly).Run(args);
return 0;
