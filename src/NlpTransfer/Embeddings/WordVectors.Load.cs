namespace NlpTransfer.Embeddings;

public sealed partial class WordVectors
{
    /// <summary>
    /// Loads word vectors from a file: word2vec text or binary, GloVe, fastText .vec or .bin, or the native .ntv.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="format">The format; <see cref="WordVectorFormat.Auto"/> (the default) detects it from the content.
    /// The detected format is in <see cref="Source"/>.</param>
    /// <param name="options">Load options; null means <see cref="WordVectorLoadOptions.Default"/>.</param>
    /// <returns>Ready vectors. A native (.ntv) file stays memory-mapped: dispose the result to release it.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file, the line (or byte offset)
    /// and what was expected.</exception>
    /// <remarks>Text formats are parsed on all cores. Thread-safe: loads share no state.</remarks>
    public static WordVectors Load(string path, WordVectorFormat format = WordVectorFormat.Auto, WordVectorLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= WordVectorLoadOptions.Default;
        options.Validate();
        using var input = InputBuffer.Open(path);
        return Load(input, format, options, path);
    }

    /// <summary>
    /// Loads word vectors from the rest of <paramref name="stream"/>, which is read to its end and never disposed.
    /// </summary>
    /// <param name="stream">The data; read from its current position.</param>
    /// <param name="format">The format; <see cref="WordVectorFormat.Auto"/> detects it from the content.</param>
    /// <param name="options">Load options; null means <see cref="WordVectorLoadOptions.Default"/>.</param>
    /// <returns>Ready vectors held in managed memory (a native file read from a stream is copied, not mapped).</returns>
    /// <exception cref="InvalidDataException">The data is malformed; the message names "stream", the line (or byte
    /// offset) and what was expected.</exception>
    public static WordVectors Load(Stream stream, WordVectorFormat format, WordVectorLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= WordVectorLoadOptions.Default;
        options.Validate();
        using var input = InputBuffer.Read(stream, "stream");
        return Load(input, format, options, path: null);
    }

    private static WordVectors Load(InputBuffer input, WordVectorFormat format, WordVectorLoadOptions options, string? path)
    {
        if (format == WordVectorFormat.Auto)
        {
            format = WordVectorFormatDetector.Detect(input);
        }

        var source = new WordVectorsSource(path, format);
        return format switch
        {
            WordVectorFormat.Word2VecText => TextVectorReader.Read(input, hasHeader: true, options, source),
            WordVectorFormat.GloVe => TextVectorReader.Read(input, hasHeader: false, options, source),
            WordVectorFormat.Word2VecBinary => Word2VecBinaryReader.Read(input, options, source),
            WordVectorFormat.FastTextBinary => FastTextBinaryReader.Read(input, options, source),
            WordVectorFormat.Native => NativeVectorFile.Read(input, path, options, source),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown word-vector format."),
        };
    }
}
