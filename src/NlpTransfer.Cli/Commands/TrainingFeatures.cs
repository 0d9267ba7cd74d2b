using System.Globalization;
using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Data;
using NlpTransfer.Embeddings;
using NlpTransfer.Encoders;

namespace NlpTransfer.Cli.Commands;

/// <summary>
/// What train, evaluate and predict share: turning a --features spec into an encoder, dataset reading options,
/// the feature cache and progress lines on stderr.
/// </summary>
internal static class TrainingFeatures
{
    public const string MiniLm = "minilm";
    public const string VectorsPrefix = "vectors:";

    /// <summary>An encoder built from a spec, with its normalised spec (recorded in head files) and what to dispose.</summary>
    public sealed class ResolvedEncoder(IDocumentEncoder encoder, string source, IDisposable? owned) : IDisposable
    {
        public IDocumentEncoder Encoder => encoder;

        public string Source => source;

        public void Dispose() => owned?.Dispose();
    }

    /// <summary>The encoder a head was trained on, rebuilt from its recorded source (or <paramref name="overrideSpec"/>), checked against the head.</summary>
    public static ResolvedEncoder CreateEncoderFor(NlpTransfer.Heads.ClassificationHead head, string? overrideSpec, string headPath)
    {
        string? spec = overrideSpec ?? head.EncoderSource;
        if (string.IsNullOrEmpty(spec))
        {
            throw new UserInputException($"{headPath}: the head does not record its encoder; pass --features minilm|vectors:<file>.");
        }

        ResolvedEncoder encoder = CreateEncoder(spec);
        try
        {
            head.EnsureCompatible(encoder.Encoder);
        }
        catch (ArgumentException e)
        {
            encoder.Dispose();
            throw new UserInputException($"{headPath}: {e.Message}");
        }

        return encoder;
    }

    /// <summary>Builds the encoder named by <paramref name="spec"/>: "minilm" or "vectors:&lt;word2vec/GloVe/fastText file&gt;".</summary>
    public static ResolvedEncoder CreateEncoder(string spec)
    {
        if (string.Equals(spec, MiniLm, StringComparison.OrdinalIgnoreCase))
        {
            IDocumentEncoder encoder = CreateMiniLm();
            return new ResolvedEncoder(encoder, MiniLm, encoder as IDisposable);
        }

        if (spec.StartsWith(VectorsPrefix, StringComparison.OrdinalIgnoreCase))
        {
            string path = spec[VectorsPrefix.Length..];
            if (path.Length == 0)
            {
                throw new UserInputException("--features vectors:<file> needs a file after 'vectors:'.");
            }

            if (!File.Exists(path))
            {
                throw new UserInputException($"Word-vector file {path} not found (from --features {spec}).");
            }

            string full = Path.GetFullPath(path);
            WordVectors vectors = LoadVectors(full);
            return new ResolvedEncoder(WordVectorEncoder.Create(vectors), VectorsPrefix + full, vectors);
        }

        throw new UserInputException($"Unknown --features '{spec}': expected 'minilm' or 'vectors:<file>'.");
    }

    /// <summary>The default feature-cache folder: $NLPTRANSFER_CACHE, else $XDG_CACHE_HOME/nlptransfer, else ~/.cache/nlptransfer.</summary>
    public static string DefaultCacheDirectory()
    {
        string? explicitDirectory = Environment.GetEnvironmentVariable("NLPTRANSFER_CACHE");
        if (!string.IsNullOrEmpty(explicitDirectory))
        {
            return Path.Combine(explicitDirectory, "features");
        }

        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string root = !string.IsNullOrEmpty(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "nlptransfer", "features");
    }

    public static DatasetFormat ParseFormat(string? format) => (format ?? "auto").ToLowerInvariant() switch
    {
        "auto" => DatasetFormat.Auto,
        "jsonl" or "json" => DatasetFormat.Jsonl,
        "csv" => DatasetFormat.Csv,
        "tsv" => DatasetFormat.Tsv,
        "tsv-noheader" => DatasetFormat.TsvNoHeader,
        "fasttext" => DatasetFormat.FastText,
        "label-text" => DatasetFormat.LabelText,
        _ => throw new UserInputException(
            $"Unknown --format '{format}': expected auto, jsonl, csv, tsv, tsv-noheader, fasttext or label-text."),
    };

    public static LabelLevel ParseLabelLevel(string? level) => (level ?? "full").ToLowerInvariant() switch
    {
        "full" => LabelLevel.Full,
        "coarse" => LabelLevel.Coarse,
        "coarse+full" or "both" => LabelLevel.CoarseAndFull,
        _ => throw new UserInputException($"Unknown --label-level '{level}': expected full, coarse or coarse+full."),
    };

    public static DatasetReadOptions ReadOptions(string format, string textColumn, string labelColumn, bool skipBadRows,
        string labelLevel, string? labelSeparator, string? labelNames) => new()
    {
        LabelNames = ParseLabelNames(labelNames),
        Format = ParseFormat(format),
        TextColumn = textColumn,
        LabelColumn = labelColumn,
        SkipBadRows = skipBadRows,
        LabelLevel = ParseLabelLevel(labelLevel),
        LabelSeparator = labelSeparator is { Length: 1 } s ? s[0] : null,
    };

    /// <summary>Parses "0=negative,1=positive".</summary>
    public static IReadOnlyDictionary<string, string>? ParseLabelNames(string? names)
    {
        if (string.IsNullOrEmpty(names))
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = pair.IndexOf('=');
            if (equals <= 0 || equals == pair.Length - 1)
            {
                throw new UserInputException($"--label-names expects 'old=new' pairs separated by commas, found '{pair}'.");
            }

            map[pair[..equals]] = pair[(equals + 1)..];
        }

        return map;
    }

    /// <summary>Reads a dataset, reporting skipped rows on stderr.</summary>
    public static LabeledDataset ReadDataset(string path, DatasetReadOptions options, CliIO io)
    {
        LabeledDataset data = LabeledDataset.Read(path, options);
        if (data.SkippedRows > 0)
        {
            io.Error.WriteLine($"{path}: skipped {data.SkippedRows} malformed row(s); first: {data.Problems[0]}");
        }

        return data;
    }

    /// <summary>Features of a dataset, through the cache unless <paramref name="cacheDirectory"/> is null.</summary>
    public static float[] Features(IDocumentEncoder encoder, LabeledDataset data, string? cacheDirectory, string what, CliIO io,
        CancellationToken cancellationToken, out bool fromCache)
    {
        var progress = new LineProgress(io, $"encoding {what}", data.Count);
        if (cacheDirectory is null)
        {
            fromCache = false;
            return FeatureCache.EncodeAll(encoder, data.GetTexts(), progress, cancellationToken);
        }

        float[] features = new FeatureCache(cacheDirectory).GetOrEncode(encoder, data, out fromCache, progress, cancellationToken);
        if (fromCache)
        {
            io.Error.WriteLine($"{what}: {data.Count} feature rows read from the cache ({cacheDirectory})");
        }

        return features;
    }

    public static string Format(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static IDocumentEncoder CreateMiniLm() => NlpTransfer.Models.MiniLM.MiniLmEncoder.Create();

    private static WordVectors LoadVectors(string path) => WordVectors.Load(path);

    /// <summary>Writes "label: done/total" to stderr about ten times over a run, synchronously.</summary>
    private sealed class LineProgress(CliIO io, string label, int total) : IProgress<int>
    {
        private int _nextReport = Math.Max(1, total / 10);

        public void Report(int value)
        {
            if (value >= _nextReport || value == total)
            {
                io.Error.WriteLine($"{label}: {value}/{total}");
                _nextReport = value + Math.Max(1, total / 10);
            }
        }
    }
}
