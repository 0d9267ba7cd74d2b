using NlpTransfer.Cli.Infrastructure;
using Spectre.Console;

namespace NlpTransfer.Tests.Cli;

/// <summary>
/// Runs nlpt in-process and captures stdout and stderr; the Spectre console writes into the captured stderr without
/// ANSI codes or colours.
/// </summary>
internal static class PlainConsoleCli
{
    public static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        int code = CliApp.Run(args, new CliIO(output, error, console));
        return (code, output.ToString(), error.ToString());
    }
}
