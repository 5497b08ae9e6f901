using AsMassageAdvisor.Cli;

return CliApp.Run(args, Console.OpenStandardInput(), Console.Out, Console.Error, isTerminal: !Console.IsOutputRedirected);
