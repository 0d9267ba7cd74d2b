using NlpTransfer.Tests.Text;
using NlpTransfer.Text;

namespace NlpTransfer.IntegrationTests.Text;

/// <summary>
/// Entry point of the integration-test assembly when run as a program: tests start it in a child process to check
/// behaviour under runtime settings fixed at start-up, such as InvariantGlobalization.
/// </summary>
internal static class ChildProcessProgram
{
    /// <summary>"golden JSON": prints "invariant=..", "equal=N total=M", then one line per differing case.</summary>
    public static int Main(string[] args)
    {
        if (args.Length != 2 || args[0] != "golden")
        {
            Console.Error.WriteLine("usage: golden bert-uncased-tokens.json");
            return 2;
        }

        Console.WriteLine($"invariant={GlobalizationProbe.IsInvariantGlobalization()}");
        WordPieceTokenizer tokenizer;
        using (Stream vocab = BertGolden.OpenVocabulary())
        {
            tokenizer = WordPieceTokenizer.Create(vocab);
        }

        IReadOnlyList<BertGoldenCase> cases = BertGolden.Load(args[1]);
        var differing = new List<string>();
        foreach (BertGoldenCase c in cases)
        {
            long[] ids = c.TextPair is null
                ? EncodeSingle(tokenizer, c.Text, c.Ids.Length + 8)
                : tokenizer.EncodePair(c.Text, c.TextPair, c.Ids.Length + 8, 0)[0].InputIds.ToArray();
            if (!Matches(ids, c.Ids) && (c.AltIds is null || !Matches(ids, c.AltIds)))
            {
                differing.Add($"{c.Label}: got [{string.Join(' ', ids)}]");
            }
        }

        Console.WriteLine($"equal={cases.Count - differing.Count} total={cases.Count}");
        differing.ForEach(Console.WriteLine);
        return 0;
    }

    private static long[] EncodeSingle(WordPieceTokenizer tokenizer, string text, int maxLength)
    {
        var ids = new long[maxLength];
        int count = tokenizer.Encode(text, maxLength, ids, new long[maxLength], new long[maxLength]);
        return ids[..count];
    }

    private static bool Matches(long[] actual, int[] expected) => actual.AsSpan().SequenceEqual(Array.ConvertAll(expected, i => (long)i));
}
