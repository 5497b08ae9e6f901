using AsMassageAdvisor.Cli;

return CliApp.Run(args, Console.In, Console.Out, Console.Error, isTerminal: !Console.IsOutputRedirected);
