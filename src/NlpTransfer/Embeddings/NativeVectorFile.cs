namespace NlpTransfer.Embeddings;

/// <summary>NlpTransfer's native .ntv format.</summary>
internal static class NativeVectorFile
{
    /// <summary>The first bytes of every .ntv file.</summary>
    public static ReadOnlySpan<byte> Magic => "NTVECTORS\n"u8;

    public static WordVectors Read(InputBuffer input, string? path, WordVectorLoadOptions options, WordVectorsSource source) =>
        throw new NotSupportedException($"{input.Name}: .ntv is not supported yet");
}
