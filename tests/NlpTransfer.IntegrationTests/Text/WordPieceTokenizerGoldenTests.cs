using System.Diagnostics;
using FluentAssertions;
using NlpTransfer.Text;
using Xunit;

namespace NlpTransfer.IntegrationTests.Text;

/// <summary>
/// Parity with the reference BERT uncased tokenizer (golden/bert-uncased-tokens.json: 2,000 SST-2 sentences,
/// 120 tricky texts, 20 question/context pairs). Ids must be equal, exactly; the one case with an 'alt' (final
/// sigma) accepts either.
/// </summary>
public sealed class WordPieceTokenizerGoldenTests
{
    private static readonly Lazy<WordPieceTokenizer> Tokenizer = new(() =>
    {
        using Stream vocab = BertGolden.OpenVocabulary();
        return WordPieceTokenizer.Create(vocab);
    });

    [SkippableFact]
    public void Encode_EveryGoldenCase_IdsEqualReference()
    {
        IReadOnlyList<BertGoldenCase> cases = BertGolden.Load(SharedData.Require(BertGolden.GoldenFile));
        var failures = new List<string>();
        int equal = 0;

        foreach (BertGoldenCase c in cases)
        {
            long[] ids, types;
            if (c.TextPair is null)
            {
                int max = c.Ids.Length + 8;
                ids = new long[max];
                types = new long[max];
                int written = Tokenizer.Value.Encode(c.Text, max, ids, types, new long[max]);
                ids = ids[..written];
                types = types[..written];
            }
            else
            {
                IReadOnlyList<EncodedWindow> windows = Tokenizer.Value.EncodePair(c.Text, c.TextPair, c.Ids.Length + 8, 0);
                windows.Should().HaveCount(1, c.Label);
                ids = windows[0].InputIds.ToArray();
                types = windows[0].TokenTypeIds.ToArray();
            }

            bool idsMatch = ids.SequenceEqual(c.Ids.Select(i => (long)i)) || (c.AltIds is not null && ids.SequenceEqual(c.AltIds.Select(i => (long)i)));
            bool typesMatch = c.TokenTypeIds is null ? types.All(t => t == 0) : types.SequenceEqual(c.TokenTypeIds.Select(i => (long)i));
            if (idsMatch && typesMatch)
            {
                equal++;
            }
            else
            {
                failures.Add($"{c.Label}: expected [{string.Join(' ', c.Ids)}] got [{string.Join(' ', ids)}]" + (typesMatch ? "" : " (token types differ)"));
            }
        }

        failures.Should().BeEmpty($"{equal} of {cases.Count} cases are equal");
        equal.Should().Be(2140);
    }

    [SkippableFact]
    public void LibraryTokenizer_WithOurNormalizerAndPreTokenizer_GivesGoldenIds()
    {
        IReadOnlyList<BertGoldenCase> cases = BertGolden.Load(SharedData.Require(BertGolden.GoldenFile));
        var failures = new List<string>();

        foreach (BertGoldenCase c in cases.Where(c => c.TextPair is null))
        {
            IReadOnlyList<int> ids = Tokenizer.Value.LibraryTokenizer.EncodeToIds(c.Text);
            int[] expected = c.Ids[1..^1];
            if (!ids.SequenceEqual(expected) && !(c.AltIds is not null && ids.SequenceEqual(c.AltIds[1..^1])))
            {
                failures.Add($"{c.Label}: expected [{string.Join(' ', expected)}] got [{string.Join(' ', ids)}]");
            }
        }

        failures.Should().BeEmpty();
    }

    [SkippableFact]
    public void Tokenize_EveryGoldenText_OffsetsCoverTheOriginalCharactersOfEachPiece()
    {
        IReadOnlyList<BertGoldenCase> cases = BertGolden.Load(SharedData.Require(BertGolden.GoldenFile));
        var normalizer = new BertTextNormalizer();
        var failures = new List<string>();

        foreach (BertGoldenCase c in cases)
        {
            foreach (string text in c.TextPair is null ? [c.Text] : new[] { c.Text, c.TextPair })
            {
                int previousStart = 0;
                foreach (WordPieceToken token in Tokenizer.Value.Tokenize(text))
                {
                    string piece = Tokenizer.Value.GetToken(token.Id);
                    string surface = normalizer.Normalize(text.Substring(token.Start, token.Length));
                    bool ok = token.Length > 0 && token.Start >= previousStart
                        && (token.Id == Tokenizer.Value.UnkId || surface.Contains(piece.StartsWith("##") ? piece[2..] : piece, StringComparison.Ordinal));
                    if (!ok)
                    {
                        failures.Add($"{c.Label}: piece '{piece}' at [{token.Start}, +{token.Length}) covers '{text.Substring(token.Start, token.Length)}'");
                    }

                    previousStart = token.Start;
                }
            }
        }

        failures.Should().BeEmpty();
    }

    [SkippableFact]
    public void Encode_EveryGoldenCaseUnderInvariantGlobalization_IdsEqualReference()
    {
        string golden = SharedData.Require(BertGolden.GoldenFile);
        var start = new ProcessStartInfo(Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "exec", typeof(ChildProcessProgram).Assembly.Location, "golden", golden })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string[] lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();

        process.ExitCode.Should().Be(0, error.Result);
        lines[0].Should().Be("invariant=True");
        lines.Skip(1).Should().Equal(["equal=2140 total=2140"], "with InvariantGlobalization=true every golden case must still give the reference ids");
    }

    [SkippableFact]
    public void EncodePair_GoldenPairsInSmallWindows_WindowsReassembleTheGoldenContext()
    {
        IReadOnlyList<BertGoldenCase> pairs = BertGolden.Load(SharedData.Require(BertGolden.GoldenFile)).Where(c => c.TextPair is not null).ToList();
        pairs.Should().HaveCount(20);

        foreach (BertGoldenCase c in pairs)
        {
            int sep = Array.IndexOf(c.Ids, Tokenizer.Value.SepId);
            int[] question = c.Ids[1..sep];
            int[] context = c.Ids[(sep + 1)..^1];
            int maxLength = question.Length + 3 + 8;

            IReadOnlyList<EncodedWindow> windows = Tokenizer.Value.EncodePair(c.Text, c.TextPair!, maxLength, stride: 3);

            var reassembled = new List<long>();
            foreach (EncodedWindow window in windows)
            {
                long[] ids = window.InputIds.ToArray();
                ids.Length.Should().BeLessThanOrEqualTo(maxLength);
                ids[1..(sep)].Should().Equal(question.Select(i => (long)i), c.Label);
                window.FirstTokenIndex.Should().Be(reassembled.Count == 0 ? 0 : reassembled.Count - 3, "windows overlap by the stride");
                reassembled.RemoveRange(window.FirstTokenIndex, reassembled.Count - window.FirstTokenIndex);
                reassembled.AddRange(ids.Skip(window.ContentStart).Take(window.ContentLength));
                int[] starts = window.CharStarts.ToArray();
                int[] sequence = window.SequenceIds.ToArray();
                for (int t = window.ContentStart; t < window.ContentStart + window.ContentLength; t++)
                {
                    sequence[t].Should().Be(1);
                    starts[t].Should().BeInRange(0, c.TextPair!.Length - 1);
                }
            }

            reassembled.Should().Equal(context.Select(i => (long)i), c.Label);
        }
    }
}
