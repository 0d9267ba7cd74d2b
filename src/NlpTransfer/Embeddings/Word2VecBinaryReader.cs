namespace NlpTransfer.Embeddings;

/// <summary>Reads word2vec binary files.</summary>
internal static class Word2VecBinaryReader
{
    public static WordVectors Read(InputBuffer input, WordVectorLoadOptions options, WordVectorsSource source) =>
        throw new NotSupportedException($"{input.Name}: word2vec binary is not supported yet");
}
