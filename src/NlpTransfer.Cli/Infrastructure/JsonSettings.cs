using System.ComponentModel;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Infrastructure;

/// <summary>Settings shared by every verb that reports: <c>--json</c> prints exactly one JSON object on stdout.</summary>
internal class JsonSettings : CommandSettings
{
    [CommandOption("--json")]
    [Description("Print exactly one JSON object on stdout (progress goes to stderr).")]
    public bool Json { get; init; }
}
