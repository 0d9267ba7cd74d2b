using System.ComponentModel;
using NlpTransfer.Alignment;
using NlpTransfer.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands;

/// <summary>Options shared by <c>nlpt align</c> and <c>nlpt bli</c>: the two vector files, how many words of each to load, CSLS and dictionary matching.</summary>
internal abstract class CrossLingualVectorSettings : JsonSettings
{
    [CommandOption("--source <VECTORS>")]
    [Description("Source-language word vectors (word2vec text/binary, GloVe, fastText .vec/.bin, .ntv).")]
    public string? Source { get; init; }

    [CommandOption("--target <VECTORS>")]
    [Description("Target-language word vectors, same dimension.")]
    public string? Target { get; init; }

    [CommandOption("--csls-k <K>")]
    [Description("Neighbourhood size of CSLS. Default 10.")]
    public int CslsK { get; init; } = 10;

    [CommandOption("--ignore-case")]
    [Description("Match dictionary words case-insensitively when the exact word is missing.")]
    public bool IgnoreCase { get; init; }

    [CommandOption("--max-words <N>")]
    [Description("Load only the first N words of each vector file.")]
    public int? MaxWords { get; init; }

    /// <summary>How dictionary words are matched, from <see cref="IgnoreCase"/>.</summary>
    public DictionaryCaseMode CaseMode => IgnoreCase ? DictionaryCaseMode.IgnoreCase : DictionaryCaseMode.Exact;
}
