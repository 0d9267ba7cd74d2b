using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NlpTransfer.Text;

namespace NlpTransfer.Encoders;

/// <summary>
/// Encodes texts with any BERT-family ONNX model and its WordPiece vocabulary: tokenize → sort by length → batch
/// (padded to the longest in the batch) → run → pool (mean, CLS or max) → optionally L2-normalise → original order.
/// </summary>
/// <remarks>
/// Owns one <see cref="InferenceSession"/>, shared by every call; dispose the encoder to release it. All members
/// are thread-safe. The model must have the int64 inputs <c>input_ids</c> and <c>attention_mask</c> (and may have
/// <c>token_type_ids</c>) and a float output of shape [batch, sequence, hidden] (preferably named
/// <c>last_hidden_state</c> or <c>token_embeddings</c>).
/// </remarks>
public sealed partial class OnnxBertEncoder : IDocumentEncoder, IDisposable
{
    private const string InputIdsName = "input_ids";
    private const string AttentionMaskName = "attention_mask";
    private const string TokenTypeIdsName = "token_type_ids";
    private const int DefaultMaxSequenceLength = 512;

    private readonly InferenceSession _session;
    private readonly SessionOptions _sessionOptions;
    private readonly RunOptions _runOptions;
    private readonly WordPieceTokenizer _tokenizer;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly bool _hasTokenTypeIds;
    private bool _disposed;

    private OnnxBertEncoder(
        InferenceSession session, SessionOptions sessionOptions, WordPieceTokenizer tokenizer, bool hasTokenTypeIds,
        string outputName, int dimensions, int maxSequenceLength, OnnxEncoderOptions options, string modelSha256)
    {
        _session = session;
        _sessionOptions = sessionOptions;
        _runOptions = new RunOptions();
        _tokenizer = tokenizer;
        _hasTokenTypeIds = hasTokenTypeIds;
        _inputNames = hasTokenTypeIds
            ? [InputIdsName, AttentionMaskName, TokenTypeIdsName]
            : [InputIdsName, AttentionMaskName];
        _outputNames = [outputName];
        Dimensions = dimensions;
        MaxSequenceLength = maxSequenceLength;
        Options = options;
        ModelSha256 = modelSha256;
        var normalization = options.Normalize ? "normalized" : "unnormalized";
        var longText = options.LongText == LongTextStrategy.Truncate
            ? $"truncate-{maxSequenceLength}"
            : $"windows-{maxSequenceLength}-{options.WindowOverlap}";
        var casing = tokenizer.Options.LowerCase && tokenizer.Options.StripAccents
            ? string.Empty
            : $"/lowercase-{tokenizer.Options.LowerCase.ToString().ToLowerInvariant()}-strip-accents-{tokenizer.Options.StripAccents.ToString().ToLowerInvariant()}";
        Identity = $"{options.ModelName}/{options.Pooling.ToString().ToLowerInvariant()}/{normalization}/{longText}{casing}@sha256:{modelSha256[..16]}";
    }

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <summary>
    /// The identity of the encoder and its output-changing options, for example
    /// <c>all-minilm-l6-v2/mean/normalized/truncate-256@sha256:4a64cee3d4134bbd</c> (model name, pooling,
    /// normalisation, long-text strategy with its lengths, the first 16 hex digits of the model's SHA-256).
    /// </summary>
    public string Identity { get; }

    /// <summary>The most tokens per sequence, [CLS] and [SEP] included.</summary>
    public int MaxSequenceLength { get; }

    /// <summary>The options the encoder was created with.</summary>
    public OnnxEncoderOptions Options { get; }

    /// <summary>The SHA-256 of the model bytes, lower-case hex.</summary>
    public string ModelSha256 { get; }

    /// <summary>The number of entries in the vocabulary.</summary>
    public int VocabularySize => _tokenizer.VocabularySize;

    /// <summary>
    /// The tokenizer built from the model's vocabulary: span heads use it for question/context pairs
    /// (<see cref="WordPieceTokenizer.EncodePair"/>) and pass the windows to <see cref="EncodeTokenStates(EncodedWindow, Span{float})"/>.
    /// </summary>
    public WordPieceTokenizer Tokenizer => _tokenizer;

    /// <summary>Creates an encoder from a model file and its vocab.txt.</summary>
    /// <param name="modelPath">An ONNX BERT-family model.</param>
    /// <param name="vocabPath">The model's WordPiece vocabulary, one token per line, line number = id.</param>
    /// <param name="options">Pooling, normalisation, batching and session settings; null for the defaults.</param>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// The model is not valid ONNX, lacks the expected inputs or output, or its word-embedding table does not match the vocabulary.
    /// </exception>
    public static OnnxBertEncoder Create(string modelPath, string vocabPath, OnnxEncoderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ArgumentException.ThrowIfNullOrEmpty(vocabPath);
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"{modelPath}: model file not found", modelPath);
        }

        if (!File.Exists(vocabPath))
        {
            throw new FileNotFoundException($"{vocabPath}: vocabulary file not found", vocabPath);
        }

        var model = File.ReadAllBytes(modelPath);
        using var vocab = File.OpenRead(vocabPath);
        return CreateCore(model, vocab, options, modelPath, vocabPath, modelSha256: null);
    }

    /// <summary>Creates an encoder from model bytes and a vocabulary stream (read to its end, never disposed).</summary>
    /// <inheritdoc cref="Create(string, string, OnnxEncoderOptions?)" path="/exception"/>
    public static OnnxBertEncoder Create(byte[] model, Stream vocab, OnnxEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vocab);
        return CreateCore(model, vocab, options, "<model bytes>", "<vocab stream>", modelSha256: null);
    }

    /// <summary>Creates an encoder from a model stream and a vocabulary stream (both read to their end, never disposed).</summary>
    /// <inheritdoc cref="Create(string, string, OnnxEncoderOptions?)" path="/exception"/>
    public static OnnxBertEncoder Create(Stream model, Stream vocab, OnnxEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vocab);
        using var copy = new MemoryStream();
        model.CopyTo(copy);
        return CreateCore(copy.ToArray(), vocab, options, "<model stream>", "<vocab stream>", modelSha256: null);
    }

    /// <summary>The factory behind every overload; <paramref name="modelSha256"/> skips hashing when the caller already did.</summary>
    internal static OnnxBertEncoder CreateCore(
        byte[] model, Stream vocab, OnnxEncoderOptions? options, string modelSource, string vocabSource, string? modelSha256)
    {
        options ??= new OnnxEncoderOptions();
        ValidateOptions(options);
        modelSha256 ??= Convert.ToHexStringLower(SHA256.HashData(model));

        var sessionOptions = CreateSessionOptions(options);
        InferenceSession session;
        try
        {
            session = new InferenceSession(model, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            sessionOptions.Dispose();
            throw new InvalidDataException($"{modelSource}: not a valid ONNX model ({FirstLine(e.Message)})", e);
        }

        try
        {
            var (hasTokenTypeIds, outputName, dimensions) = DescribeModel(session, modelSource);
            var facts = OnnxModelInspector.Inspect(model, InputIdsName);
            var tokenizer = WordPieceTokenizer.Create(vocab, options.Tokenizer);
            if (facts.WordEmbeddingRows is { } rows && rows != tokenizer.VocabularySize)
            {
                throw new InvalidDataException(
                    $"{vocabSource}: the vocabulary has {tokenizer.VocabularySize} entries but the word-embedding table of " +
                    $"{modelSource} has {rows} rows; use the vocab.txt that was exported with the model");
            }

            var positions = facts.PositionEmbeddingRows ?? DefaultMaxSequenceLength;
            var maxLength = options.MaxSequenceLength ?? (int)Math.Min(DefaultMaxSequenceLength, positions);
            if (maxLength > positions)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(options), $"MaxSequenceLength is {maxLength} but the model's position table has {positions} rows");
            }

            if (options.LongText == LongTextStrategy.AverageWindows && options.WindowOverlap >= maxLength - 2)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(options), $"WindowOverlap is {options.WindowOverlap}; it must be below MaxSequenceLength − 2 = {maxLength - 2}");
            }

            if (dimensions <= 0)
            {
                throw new InvalidDataException($"{modelSource}: the hidden size of output '{outputName}' is not fixed ({dimensions})");
            }

            return new OnnxBertEncoder(
                session, sessionOptions, tokenizer, hasTokenTypeIds, outputName, dimensions, maxLength, options, modelSha256);
        }
        catch
        {
            session.Dispose();
            sessionOptions.Dispose();
            throw;
        }
    }

    /// <summary>Releases the ONNX Runtime session. Calls after disposal throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _session.Dispose();
        _runOptions.Dispose();
        _sessionOptions.Dispose();
    }

    private static void ValidateOptions(OnnxEncoderOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ModelName, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBatchTokens, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ConcurrentBatches, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.IntraOpThreads, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.WindowOverlap, nameof(options));
        if (options.MaxSequenceLength is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(max, 3, nameof(options));
        }

        if (!Enum.IsDefined(options.Pooling) || !Enum.IsDefined(options.LongText))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"unknown pooling {options.Pooling} or long-text strategy {options.LongText}");
        }
    }

    private static SessionOptions CreateSessionOptions(OnnxEncoderOptions options)
    {
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = options.GraphOptimization,
            IntraOpNumThreads = options.IntraOpThreads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", options.AllowSpinning ? "1" : "0");
        options.ConfigureSession?.Invoke(sessionOptions);
        return sessionOptions;
    }

    private static (bool HasTokenTypeIds, string OutputName, int Dimensions) DescribeModel(InferenceSession session, string modelSource)
    {
        var inputs = session.InputMetadata;
        var inputList = string.Join(", ", inputs.Keys);
        foreach (var required in (string[])[InputIdsName, AttentionMaskName])
        {
            if (!inputs.TryGetValue(required, out var meta))
            {
                throw new InvalidDataException(
                    $"{modelSource}: the model has no input '{required}' (inputs: {inputList}); expected input_ids, attention_mask and optionally token_type_ids");
            }

            RequireInt64(meta, required, modelSource);
        }

        var hasTokenTypeIds = inputs.TryGetValue(TokenTypeIdsName, out var typeMeta);
        if (hasTokenTypeIds)
        {
            RequireInt64(typeMeta!, TokenTypeIdsName, modelSource);
        }

        foreach (var name in inputs.Keys)
        {
            if (name is not (InputIdsName or AttentionMaskName or TokenTypeIdsName))
            {
                throw new InvalidDataException(
                    $"{modelSource}: the model has an input '{name}' the encoder cannot feed (inputs: {inputList}); expected input_ids, attention_mask and optionally token_type_ids");
            }
        }

        string? chosen = null;
        foreach (var (name, meta) in session.OutputMetadata)
        {
            var isStates = meta.ElementDataType == TensorElementType.Float && meta.Dimensions.Length == 3;
            if (!isStates)
            {
                continue;
            }

            if (name is "last_hidden_state" or "token_embeddings")
            {
                chosen = name;
                break;
            }

            chosen ??= name;
        }

        if (chosen is null)
        {
            throw new InvalidDataException(
                $"{modelSource}: the model has no float output of shape [batch, sequence, hidden] (outputs: {string.Join(", ", session.OutputMetadata.Keys)})");
        }

        return (hasTokenTypeIds, chosen, session.OutputMetadata[chosen].Dimensions[2]);
    }

    private static void RequireInt64(NodeMetadata meta, string name, string modelSource)
    {
        if (meta.ElementDataType != TensorElementType.Int64 || meta.Dimensions.Length != 2)
        {
            throw new InvalidDataException(
                $"{modelSource}: input '{name}' is {meta.ElementDataType} of rank {meta.Dimensions.Length}; expected int64 [batch, sequence]");
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n');
        return end < 0 ? message : message[..end];
    }
}
