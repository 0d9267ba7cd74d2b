using System.Text;

namespace NlpTransfer.Tests.Embeddings;

/// <summary>Writes small fastText .bin models for tests, in the v12 layout or the older one without magic.</summary>
internal static class FastTextModelWriter
{
    public static byte[] Write(
        string[] words, float[] input, int dim, int bucket, int minn, int maxn, bool oldLayout = false, bool quantized = false)
    {
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream, Encoding.UTF8);
        if (!oldLayout)
        {
            w.Write(0x2F4F16BA);
            w.Write(12);
        }

        // dim ws epoch minCount neg wordNgrams loss(ns) model(sg) bucket minn maxn lrUpdateRate t
        foreach (int value in new[] { dim, 5, 5, 1, 5, 1, 2, 2, bucket, minn, maxn, 100 })
        {
            w.Write(value);
        }

        w.Write(1e-4);
        w.Write(words.Length);
        w.Write(words.Length);
        w.Write(0);
        w.Write(1000L);
        if (!oldLayout)
        {
            w.Write(-1L);
        }

        foreach (string word in words)
        {
            w.Write(Encoding.UTF8.GetBytes(word));
            w.Write((byte)0);
            w.Write(10L);
            w.Write((byte)0);
        }

        if (!oldLayout)
        {
            w.Write(quantized);
        }

        w.Write((long)(words.Length + bucket));
        w.Write((long)dim);
        foreach (float value in input)
        {
            w.Write(value);
        }

        if (!oldLayout)
        {
            w.Write(false);
        }

        w.Write((long)words.Length);
        w.Write((long)dim);
        for (int i = 0; i < words.Length * dim; i++)
        {
            w.Write(0f);
        }

        w.Flush();
        return stream.ToArray();
    }

    /// <summary>
    /// A plain reference for a word's input rows, from the description in the fastText paper and README: characters
    /// are Unicode scalars of "&lt;w&gt;" (so UTF-8 lead plus continuation bytes), FNV-1a over sign-extended bytes.
    /// </summary>
    public static List<int> ReferenceRows(string word, int id, int nwords, int bucket, int minn, int maxn)
    {
        var rows = new List<int>();
        if (id >= 0)
        {
            rows.Add(id);
        }

        if (word == "</s>")
        {
            return rows;
        }

        var characters = new List<string> { "<" };
        for (var e = System.Globalization.StringInfo.GetTextElementEnumerator(word); e.MoveNext();)
        {
            // Scalars, not grapheme clusters: split each text element into its code points.
            string element = (string)e.Current;
            for (int k = 0; k < element.Length; k += char.IsSurrogatePair(element, k) ? 2 : 1)
            {
                characters.Add(char.ConvertFromUtf32(char.ConvertToUtf32(element, k)));
            }
        }

        characters.Add(">");
        for (int start = 0; start < characters.Count; start++)
        {
            for (int n = minn; n <= maxn && start + n <= characters.Count; n++)
            {
                if (n == 1 && (start == 0 || start + n == characters.Count))
                {
                    continue;
                }

                byte[] bytes = Encoding.UTF8.GetBytes(string.Concat(characters.GetRange(start, n)));
                uint hash = 2166136261;
                foreach (byte b in bytes)
                {
                    hash ^= unchecked((uint)(sbyte)b);
                    hash *= 16777619;
                }

                rows.Add(nwords + (int)(hash % (uint)bucket));
            }
        }

        return rows;
    }
}
