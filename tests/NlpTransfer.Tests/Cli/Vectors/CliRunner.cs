using NlpTransfer.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace NlpTransfer.Tests.Cli.Vectors;

/// <summary>Runs nlpt in-process and captures stdout and stderr.</summary>
internal static class CliRunner
{
    private static readonly Lock Gate = new();

    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        // CliApp.IO is process-wide: commands run one at a time.
        lock (Gate)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var console = new TestConsole();
            int code = CliApp.Run(args, new CliIO(output, error, console));
            return (code, output.ToString(), error.ToString() + console.Output);
        }
    }

    /// <summary>The sample vectors the repository ships (vocab/sample), found from the test binaries.</summary>
    public static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "vocab", "sample", "sample-vectors.w2v.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("vocab/sample/sample-vectors.w2v.txt not found above the test binaries");
    }
}
