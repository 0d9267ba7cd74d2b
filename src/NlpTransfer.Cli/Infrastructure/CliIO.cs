using Spectre.Console;

namespace NlpTransfer.Cli.Infrastructure;

/// <summary>
/// Where a command writes: <see cref="Out"/> for results (exactly one JSON object with --json), <see cref="Error"/>
/// for progress and messages. Injected so that tests run commands in-process and read what they printed.
/// </summary>
internal sealed class CliIO
{
    public CliIO(TextWriter output, TextWriter error, IAnsiConsole errorConsole)
    {
        Out = output;
        Error = error;
        ErrorConsole = errorConsole;
    }

    /// <summary>The process's stdout and stderr; progress bars draw on stderr.</summary>
    public static CliIO Standard { get; } = new(
        Console.Out,
        Console.Error,
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));

    /// <summary>Results: tables, or the one JSON object of --json.</summary>
    public TextWriter Out { get; }

    /// <summary>Messages and errors.</summary>
    public TextWriter Error { get; }

    /// <summary>A console on stderr for progress bars and live displays.</summary>
    public IAnsiConsole ErrorConsole { get; }

    /// <summary>Writes <paramref name="value"/> as one JSON object (snake_case names) on <see cref="Out"/>.</summary>
    public void WriteJson<T>(T value) => Out.WriteLine(CliJson.Serialize(value));
}
