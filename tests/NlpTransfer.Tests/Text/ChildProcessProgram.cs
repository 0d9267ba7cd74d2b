using System.Text;
using NlpTransfer.Text;

namespace NlpTransfer.Tests.Text;

/// <summary>
/// Entry point of the test assembly when run as a program (dotnet exec NlpTransfer.Tests.dll ...): tests start it in
/// a child process to check behaviour under runtime settings fixed at start-up, such as InvariantGlobalization.
/// </summary>
internal static class ChildProcessProgram
{
    /// <summary>
    /// "tokenize VOCAB TEXT...": prints "invariant=..", "normalize-decomposes=..", then one line of ids per text
    /// ([CLS] .. [SEP]).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length < 2 || args[0] != "tokenize")
        {
            Console.Error.WriteLine("usage: tokenize VOCAB TEXT...");
            return 2;
        }

        Console.OutputEncoding = Encoding.UTF8;
        Console.WriteLine($"invariant={GlobalizationProbe.IsInvariantGlobalization()}");
        Console.WriteLine($"normalize-decomposes={"é".Normalize(NormalizationForm.FormD).Length == 2}");
        WordPieceTokenizer tokenizer = WordPieceTokenizer.Create(args[1]);
        foreach (string text in args.Skip(2))
        {
            var ids = new long[text.Length + 2];
            int count = tokenizer.Encode(text, ids.Length, ids, new long[ids.Length], new long[ids.Length]);
            Console.WriteLine(string.Join(' ', ids.Take(count)));
        }

        return 0;
    }
}
