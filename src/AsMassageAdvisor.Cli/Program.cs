using AsMassageAdvisor.Cli;

var isTerminal = !Console.IsOutputRedirected;
return CliApp.Run(args, Console.OpenStandardInput(), Console.Out, Console.Error, isTerminal, isTerminal ? TerminalWidth() : TextReport.DefaultWidth);

// A terminal that cannot tell its width (or says 0) gets the classic 80 columns.
static int TerminalWidth()
{
    try
    {
        return Console.WindowWidth > 0 ? Console.WindowWidth : TextReport.DefaultWidth;
    }
    catch (IOException)
    {
        return TextReport.DefaultWidth;
    }
}
