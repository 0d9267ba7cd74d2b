using Xunit;

namespace NlpTransfer.IntegrationTests;

/// <summary>
/// Finds the real evaluation data: $NLPTRANSFER_DATA, else ../shared/data beside the repository root.
/// Tests call <see cref="Require"/>, which skips the test with a message when the data is absent.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Locate);

    /// <summary>The data folder, or null when neither location holds it.</summary>
    public static string? Directory => Root.Value;

    /// <summary>The full path of <paramref name="relativePath"/> under the data folder; skips the test when it is missing.</summary>
    public static string Require(string relativePath)
    {
        Skip.If(Root.Value is null,
            "Real data not found: set NLPTRANSFER_DATA or put shared/data beside the repository (../shared/data). Skipping.");
        string path = Path.Combine(Root.Value!, relativePath);
        Skip.IfNot(File.Exists(path) || System.IO.Directory.Exists(path), $"Real data file {path} not found. Skipping.");
        return path;
    }

    private static string? Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("NLPTRANSFER_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return System.IO.Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        // Walk up from the test binaries to the repository root (the folder holding NlpTransfer.sln).
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NlpTransfer.sln")))
            {
                string candidate = Path.Combine(dir.FullName, "..", "shared", "data");
                return System.IO.Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
            }
        }

        return null;
    }
}
