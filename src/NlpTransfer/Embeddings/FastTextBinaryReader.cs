namespace NlpTransfer.Embeddings;

/// <summary>Reads fastText .bin models.</summary>
internal static class FastTextBinaryReader
{
    public static WordVectors Read(InputBuffer input, WordVectorLoadOptions options, WordVectorsSource source) =>
        throw new NotSupportedException($"{input.Name}: fastText .bin is not supported yet");
}
