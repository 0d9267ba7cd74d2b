using Microsoft.ML.OnnxRuntime;
using NlpTransfer.Text;

namespace NlpTransfer.Encoders;

/// <summary>Options of <see cref="OnnxBertEncoder"/>. Every option that changes the vectors is part of the encoder's identity.</summary>
public sealed record OnnxEncoderOptions
{
    /// <summary>A short name of the model for the identity string, for example "all-minilm-l6-v2". Default: "onnx".</summary>
    public string ModelName { get; init; } = "onnx";

    /// <summary>
    /// Tokenizer settings (lower-casing, accent stripping, special tokens). Default null: the uncased-BERT defaults of
    /// <see cref="WordPieceTokenizerOptions"/>; set LowerCase and StripAccents to false for cased models.
    /// </summary>
    public WordPieceTokenizerOptions? Tokenizer { get; init; }

    /// <summary>How token states become one vector. Default: <see cref="PoolingMode.Mean"/>.</summary>
    public PoolingMode Pooling { get; init; } = PoolingMode.Mean;

    /// <summary>Whether every output vector is scaled to unit L2 norm. Default: true.</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>
    /// The most tokens per sequence, [CLS] and [SEP] included. Default null: 512, or fewer when the model's position
    /// table is shorter. Must not exceed the model's position table.
    /// </summary>
    public int? MaxSequenceLength { get; init; }

    /// <summary>What happens to texts longer than <see cref="MaxSequenceLength"/>. Default: <see cref="LongTextStrategy.Truncate"/>.</summary>
    public LongTextStrategy LongText { get; init; } = LongTextStrategy.Truncate;

    /// <summary>
    /// With <see cref="LongTextStrategy.AverageWindows"/>: how many word pieces consecutive windows share. Default: 64.
    /// Must be smaller than <see cref="MaxSequenceLength"/> − 2.
    /// </summary>
    public int WindowOverlap { get; init; } = 64;

    /// <summary>
    /// Sequences per model run. Texts are sorted by token count before batching, so a batch pads to its longest
    /// member and padding stays small; results are returned in input order. Default: 32.
    /// </summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>
    /// The most padded tokens (rows × longest sequence) per model run; a batch closes early rather than pass it, so
    /// long texts run in small batches whose activations stay in cache. Default: 512 (measured, docs/encoders.md).
    /// A single sequence longer than this still runs, alone.
    /// </summary>
    public int MaxBatchTokens { get; init; } = 512;

    /// <summary>
    /// How many batches run at the same time on the shared session, each on its own thread. Default: the number of
    /// processors. A call with fewer texts than BatchSize × ConcurrentBatches is split into smaller batches so that
    /// every worker gets one.
    /// </summary>
    /// <remarks>
    /// Measured on 2 cores (docs/encoders.md): one thread per operator and one batch per core beats two threads
    /// per operator on one batch by 1.4–2×, because this model's many small operators (unfused attention,
    /// layer norms, adds) scale poorly inside one run. For the lowest latency of single texts, set
    /// <see cref="IntraOpThreads"/> to the core count and this to 1.
    /// </remarks>
    public int ConcurrentBatches { get; init; } = Environment.ProcessorCount;

    /// <summary>Threads ONNX Runtime uses inside one operator; 0 lets ONNX Runtime choose (one per core). Default: 1 (see <see cref="ConcurrentBatches"/>).</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Graph optimisations applied when the session is created. Default: <see cref="GraphOptimizationLevel.ORT_ENABLE_ALL"/>.</summary>
    public GraphOptimizationLevel GraphOptimization { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    /// <summary>
    /// Whether idle intra-op threads spin while waiting for work (faster on a dedicated machine, wasteful on a shared one).
    /// Default: true (ONNX Runtime's default).
    /// </summary>
    public bool AllowSpinning { get; init; } = true;

    /// <summary>Called on the session options after the settings above, for anything else (execution providers, profiling). Default: null.</summary>
    public Action<SessionOptions>? ConfigureSession { get; init; }
}
