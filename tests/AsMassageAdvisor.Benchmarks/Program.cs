using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/AsMassageAdvisor.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(AsMassageAdvisor.Benchmarks.AssessBenchmarks).Assembly).Run(args);
