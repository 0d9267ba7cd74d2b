using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using NlpTransfer.IO;

namespace NlpTransfer.Embeddings;

public sealed partial class WordVectors
{
    /// <summary>
    /// Writes these vectors to <paramref name="path"/> in the native .ntv format (memory-mapped on load). The file is
    /// written under a temporary name beside it and renamed into place, so a reader never sees half a file.
    /// </summary>
    /// <remarks>A fastText subword model is not stored: unknown words get no vector from the .ntv.</remarks>
    public void SaveNative(string path) => Save(path, WordVectorFormat.Native);

    /// <summary>
    /// Writes these vectors to <paramref name="path"/> in <paramref name="format"/>: <see cref="WordVectorFormat.Native"/>
    /// (the default), word2vec text or binary, or GloVe. Written to a temporary file, then renamed into place.
    /// </summary>
    /// <exception cref="NotSupportedException">The format is fastText .bin or Auto.</exception>
    public void Save(string path, WordVectorFormat format = WordVectorFormat.Native)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, stream => Save(stream, format));
    }

    /// <summary>Writes these vectors to <paramref name="stream"/> in <paramref name="format"/>; the stream is not disposed.</summary>
    /// <remarks>
    /// Text formats write every value with the shortest digits that read back to the same float32, so a save and a
    /// load give back the same bits. word2vec binary writes no newline after a vector, as gensim does.
    /// </remarks>
    /// <exception cref="NotSupportedException">The format is fastText .bin or Auto.</exception>
    public void Save(Stream stream, WordVectorFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        switch (format)
        {
            case WordVectorFormat.Native:
                NativeVectorFile.Write(this, stream);
                break;
            case WordVectorFormat.Word2VecText or WordVectorFormat.GloVe or WordVectorFormat.Word2VecBinary:
                WriteWord2Vec(stream, format);
                break;
            default:
                throw new NotSupportedException($"Writing {format} is not supported; write Native, Word2VecText, Word2VecBinary or GloVe.");
        }
    }

    private void WriteWord2Vec(Stream stream, WordVectorFormat format)
    {
        var output = new BufferedStream(stream, 1 << 20);
        if (format != WordVectorFormat.GloVe)
        {
            output.Write(Encoding.ASCII.GetBytes($"{Count} {Dimensions}\n"));
        }

        Span<byte> number = stackalloc byte[32];
        for (int row = 0; row < Count; row++)
        {
            output.Write(Encoding.UTF8.GetBytes(_keys[row]));
            var vector = this[row];
            if (format == WordVectorFormat.Word2VecBinary)
            {
                output.WriteByte((byte)' ');
                output.Write(MemoryMarshal.AsBytes(vector));
                continue;
            }

            foreach (float value in vector)
            {
                output.WriteByte((byte)' ');
                value.TryFormat(number, out int written, "R", CultureInfo.InvariantCulture);
                output.Write(number[..written]);
            }

            output.WriteByte((byte)'\n');
        }

        output.Flush();
    }
}
