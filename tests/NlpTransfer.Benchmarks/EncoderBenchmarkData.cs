namespace NlpTransfer.Benchmarks;

/// <summary>
/// The texts of the encoder benchmarks, read from the shared data ($NLPTRANSFER_DATA, else ../shared/data):
/// short = SST-2 test sentences of 10–30 words in file order; long = consecutive AG News (train.tsv) texts joined
/// until each has 200–400 words.
/// </summary>
public static class EncoderBenchmarkData
{
    /// <summary>FLOPs per real token of MiniLM-L6 outside attention: 6 layers × 2 × (4·384² + 2·384·1536).</summary>
    public const double LinearFlopsPerToken = 6 * 2 * (4.0 * 384 * 384 + 2.0 * 384 * 1536);

    /// <summary>Attention FLOPs per real token per real token of its sequence: 6 layers × 2 × 2 × 384 (QKᵀ and A·V).</summary>
    public const double AttentionFlopsPerTokenPair = 6 * 2 * 2 * 384.0;

    public static string DataRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("NLPTRANSFER_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NlpTransfer.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            }
        }

        throw new DirectoryNotFoundException("set NLPTRANSFER_DATA to the shared data folder");
    }

    public static string[] Short(int count)
    {
        var path = Path.Combine(DataRoot(), "sentiment", "sst2", "stsa.binary.test");
        var texts = new List<string>(count);
        foreach (var line in File.ReadLines(path))
        {
            var text = line[2..];
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words is >= 10 and <= 30)
            {
                texts.Add(text);
                if (texts.Count == count)
                {
                    break;
                }
            }
        }

        return texts.ToArray();
    }

    public static string[] Long(int count)
    {
        var path = Path.Combine(DataRoot(), "topic", "agnews", "train.tsv");
        var texts = new List<string>(count);
        var current = new List<string>();
        var words = 0;
        foreach (var line in File.ReadLines(path))
        {
            var text = line.Split('\t')[0];
            var n = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words + n > 400)
            {
                current.Clear();
                words = 0;
            }

            current.Add(text);
            words += n;
            if (words >= 200)
            {
                texts.Add(string.Join(' ', current));
                current.Clear();
                words = 0;
                if (texts.Count == count)
                {
                    break;
                }
            }
        }

        return texts.ToArray();
    }

    /// <summary>Real-token FLOPs of encoding sequences of the given real lengths.</summary>
    public static double Flops(IEnumerable<int> lengths)
    {
        double flops = 0;
        foreach (var length in lengths)
        {
            flops += length * LinearFlopsPerToken + (double)length * length * AttentionFlopsPerTokenPair;
        }

        return flops;
    }
}
