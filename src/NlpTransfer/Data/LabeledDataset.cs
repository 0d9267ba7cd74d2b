using System.Security.Cryptography;
using System.Text;

namespace NlpTransfer.Data;

/// <summary>
/// Labelled texts read from a file (JSONL, CSV/TSV with or without a header, fastText labels, "label text" lines),
/// with the SHA-256 of the bytes read so that encoder outputs can be cached per file. Immutable once read.
/// </summary>
/// <remarks>
/// Lines are split on <c>\n</c> only (a trailing <c>\r</c> is dropped): U+0085, U+2028 and the like inside a line
/// stay part of its text. Blank lines are ignored. A malformed row throws
/// <see cref="InvalidDataException"/> naming the file and line, or, with
/// <see cref="DatasetReadOptions.SkipBadRows"/>, is skipped and counted in <see cref="SkippedRows"/>.
/// </remarks>
public sealed partial class LabeledDataset
{
    private const int MaxKeptProblems = 20;

    private readonly LabeledExample[] _examples;
    private readonly string[] _problems;

    private LabeledDataset(string name, string sha256, DatasetFormat format, string readSignature,
        LabeledExample[] examples, int skippedRows, string[] problems)
    {
        Name = name;
        Sha256 = sha256;
        Format = format;
        ReadSignature = readSignature;
        _examples = examples;
        SkippedRows = skippedRows;
        _problems = problems;
    }

    /// <summary>The file path the data came from, or the name given to <see cref="FromExamples"/>.</summary>
    public string Name { get; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes (of the texts and labels for in-memory data).</summary>
    public string Sha256 { get; }

    /// <summary>The format the file was read as (never <see cref="DatasetFormat.Auto"/> after reading a file).</summary>
    public DatasetFormat Format { get; }

    /// <summary>The examples, in file order.</summary>
    public IReadOnlyList<LabeledExample> Examples => _examples;

    /// <summary>Number of examples.</summary>
    public int Count => _examples.Length;

    /// <summary>Rows skipped as malformed (only with <see cref="DatasetReadOptions.SkipBadRows"/>).</summary>
    public int SkippedRows { get; }

    /// <summary>The messages of the first skipped rows (at most 20), each naming file and line.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The texts, in order (a new array each call).</summary>
    public string[] GetTexts()
    {
        var texts = new string[_examples.Length];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = _examples[i].Text;
        }

        return texts;
    }

    /// <summary>The reading options that shaped this dataset, as a stable string.</summary>
    internal string ReadSignature { get; }

    /// <summary>
    /// SHA-256 of the texts as read, in order (part of feature-cache keys: reading options that change which texts
    /// are read change it; options that only touch labels do not).
    /// </summary>
    internal string TextsSha256 => _textsSha256 ??= HashTexts(_examples);

    private string? _textsSha256;

    private static string HashTexts(LabeledExample[] examples)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (LabeledExample example in examples)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(example.Text));
            hash.AppendData("\0"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Reads a labelled dataset from <paramref name="path"/>.</summary>
    /// <param name="path">The file to read (UTF-8).</param>
    /// <param name="options">Format, columns, bad-row policy; null for the defaults.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A row is malformed and bad rows are not skipped; the message names file and line.</exception>
    public static LabeledDataset Read(string path, DatasetReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new DatasetReadOptions();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Dataset file {path} not found.", path);
        }

        byte[] bytes = File.ReadAllBytes(path);
        string sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string content = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(bytes);
        if (content.Length > 0 && content[0] == '\uFEFF')
        {
            content = content[1..];
        }

        DatasetFormat format = options.Format == DatasetFormat.Auto ? InferFormat(path, content, options) : options.Format;
        var reader = new RowSink(path, options);
        switch (format)
        {
            case DatasetFormat.Jsonl:
                ParseJsonl(content, reader);
                break;
            case DatasetFormat.Csv:
                ParseDelimited(content, ',', quoted: true, reader);
                break;
            case DatasetFormat.Tsv:
                ParseDelimited(content, '\t', quoted: false, reader);
                break;
            case DatasetFormat.TsvNoHeader:
                ParseHeaderlessTsv(content, reader);
                break;
            case DatasetFormat.FastText:
                ParseFastText(content, reader);
                break;
            case DatasetFormat.LabelText:
                ParseLabelText(content, reader);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Format, "Unknown dataset format.");
        }

        return new LabeledDataset(path, sha, format, options.Signature, reader.Examples.ToArray(), reader.Skipped,
            reader.Problems.ToArray());
    }

    /// <summary>Builds a dataset from examples held in memory (for tests and for callers with their own storage).</summary>
    /// <param name="examples">The examples; copied.</param>
    /// <param name="name">A name used in messages; default <c>"(memory)"</c>.</param>
    public static LabeledDataset FromExamples(IReadOnlyList<LabeledExample> examples, string name = "(memory)")
    {
        ArgumentNullException.ThrowIfNull(examples);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var copy = new LabeledExample[examples.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            LabeledExample example = examples[i] ?? throw new ArgumentException($"Example {i} is null.", nameof(examples));
            copy[i] = example;
            hash.AppendData(Encoding.UTF8.GetBytes(example.Text));
            hash.AppendData("\0"u8);
            hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\u001F', example.Labels)));
            hash.AppendData("\n"u8);
        }

        return new LabeledDataset(name, Convert.ToHexStringLower(hash.GetHashAndReset()), DatasetFormat.Auto, "memory",
            copy, 0, []);
    }

    private static DatasetFormat InferFormat(string path, string content, DatasetReadOptions options)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        string first = FirstNonBlankLine(content);
        switch (extension)
        {
            case ".jsonl" or ".ndjson" or ".json":
                return DatasetFormat.Jsonl;
            case ".csv":
                return DatasetFormat.Csv;
        }

        if (first.StartsWith("__label__", StringComparison.Ordinal))
        {
            return DatasetFormat.FastText;
        }

        if (first.StartsWith('{'))
        {
            return DatasetFormat.Jsonl;
        }

        if (first.Contains('\t') || extension == ".tsv")
        {
            string[] header = first.Split('\t');
            bool named = Array.IndexOf(header, options.TextColumn) >= 0 && Array.IndexOf(header, options.LabelColumn) >= 0;
            return named ? DatasetFormat.Tsv : DatasetFormat.TsvNoHeader;
        }

        return DatasetFormat.LabelText;
    }

    private static string FirstNonBlankLine(string content)
    {
        int start = 0;
        while (start < content.Length)
        {
            int end = content.IndexOf('\n', start);
            if (end < 0)
            {
                end = content.Length;
            }

            string line = content[start..end].TrimEnd('\r');
            if (!string.IsNullOrWhiteSpace(line))
            {
                return line;
            }

            start = end + 1;
        }

        return string.Empty;
    }
}
