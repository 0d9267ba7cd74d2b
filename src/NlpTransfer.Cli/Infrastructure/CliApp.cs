using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Infrastructure;

/// <summary>Builds and runs the <c>nlpt</c> command tree; exit codes 0 success, 1 bad input, 2 usage error.</summary>
internal static class CliApp
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int UsageError = 2;

    // Per async flow, so that tests can run several commands in-process at once without crossing their output.
    private static readonly AsyncLocal<CliIO?> Current = new();

    /// <summary>The IO of the command running now in this async flow; commands read it rather than the static console.</summary>
    public static CliIO IO => Current.Value ?? CliIO.Standard;

    public static int Run(string[] args, CliIO io)
    {
        Current.Value = io;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("nlpt");
            config.ConfigureConsole(io.ErrorConsole);
            config.SetExceptionHandler((exception, _) => HandleException(exception, io));
            CommandRegistry.Register(config);
        });

        return app.Run(args);
    }

    private static int HandleException(Exception exception, CliIO io)
    {
        switch (exception)
        {
            case CommandParseException or CommandRuntimeException or CommandConfigurationException:
                io.Error.WriteLine($"nlpt: usage: {exception.Message}");
                return UsageError;
            case UserInputException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException
                or UnauthorizedAccessException or ArgumentException or NotSupportedException or IOException:
                io.Error.WriteLine($"nlpt: error: {exception.Message}");
                return BadInput;
            default:
                io.Error.WriteLine($"nlpt: internal error: {exception}");
                return BadInput;
        }
    }
}
