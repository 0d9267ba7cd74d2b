using System.Diagnostics;
using System.Text;
using FluentAssertions;
using NlpTransfer.Text;
using Xunit;

namespace NlpTransfer.Tests.Text;

public sealed class WordPieceTokenizerTests
{
    private static readonly Lazy<WordPieceTokenizer> Shared = new(() => WordPieceTokenizer.Create(TinyVocab.Path));

    private static WordPieceTokenizer Tokenizer => Shared.Value;

    private static int[] Ids(string text) => Tokenizer.Tokenize(text).Select(t => t.Id).ToArray();

    [Fact]
    public void Create_TinyVocabulary_FindsSpecialIdsAndSize()
    {
        Tokenizer.VocabularySize.Should().Be(65);
        Tokenizer.PadId.Should().Be(0);
        Tokenizer.UnkId.Should().Be(1);
        Tokenizer.ClsId.Should().Be(2);
        Tokenizer.SepId.Should().Be(3);
        Tokenizer.GetToken(5).Should().Be("un");
    }

    [Fact]
    public void Tokenize_Unaffable_GreedyLongestMatchPieces()
    {
        Ids("unaffable").Should().Equal(TinyVocab.IdsOf("un", "##aff", "##able"));
    }

    [Fact]
    public void Tokenize_WordWithUnmatchableRest_WholeWordIsOneUnknown()
    {
        IReadOnlyList<WordPieceToken> tokens = Tokenizer.Tokenize("hello unaffablez");

        tokens.Should().Equal(new WordPieceToken(TinyVocab.Id("hello"), 0, 5), new WordPieceToken(Tokenizer.UnkId, 6, 10));
    }

    [Fact]
    public void Tokenize_WordOverMaxInputChars_IsUnknownAndAtLimitIsSplit()
    {
        WordPieceTokenizer tokenizer = WordPieceTokenizer.Create(TinyVocab.Path, new WordPieceTokenizerOptions { MaxInputCharsPerWord = 6 });

        tokenizer.Tokenize("sssssss").Select(t => t.Id).Should().Equal(tokenizer.UnkId);
        tokenizer.Tokenize("ssssss").Select(t => t.Id).Should().Equal(TinyVocab.IdsOf("s", "##s", "##s", "##s", "##s", "##s"));
    }

    [Fact]
    public void Tokenize_PunctuationAndAsciiSymbols_EachAWordOfItsOwn()
    {
        Ids("don't $100+x=a snake_case state-of-the-art!").Should().Equal(TinyVocab.IdsOf(
            "don", "'", "t", "$", "100", "+", "x", "=", "a", "snake", "_", "case", "state", "-", "of", "-", "the", "-", "art", "!"));
    }

    [Fact]
    public void Tokenize_TabsNewlinesAndControls_SeparateOrVanishAsReference()
    {
        // TAB/LF/CR separate words; NUL, BEL, soft hyphen, zero-width joiner and U+FFFD vanish without separating.
        Ids("hello\tworld\r\nc\u0000a\u0007t s\u00ADa\u200Dt m\uFFFDat").Should().Equal(TinyVocab.IdsOf(
            "hello", "world", "cat", "sat", "mat"));
    }

    [Fact]
    public void Tokenize_AccentedWords_StrippedAndOffsetsPointIntoOriginal()
    {
        const string text = "naïve café résumé";

        IReadOnlyList<WordPieceToken> tokens = Tokenizer.Tokenize(text);

        tokens.Should().Equal(
            new WordPieceToken(TinyVocab.Id("naive"), 0, 5),
            new WordPieceToken(TinyVocab.Id("cafe"), 6, 4),
            new WordPieceToken(TinyVocab.Id("resume"), 11, 6));
    }

    [Fact]
    public void Tokenize_DecomposedInput_PieceCoversTheCombiningMarks()
    {
        const string text = "Cafe\u0301 e\u0301cole";

        IReadOnlyList<WordPieceToken> tokens = Tokenizer.Tokenize(text);

        tokens.Should().Equal(new WordPieceToken(TinyVocab.Id("cafe"), 0, 5), new WordPieceToken(TinyVocab.Id("ecole"), 6, 6));
    }

    [Fact]
    public void Tokenize_CapitalIWithDotAbove_LowerCasesToPlainI()
    {
        Tokenizer.Tokenize("İstanbul").Should().Equal(new WordPieceToken(TinyVocab.Id("istanbul"), 0, 8));
    }

    [Fact]
    public void Tokenize_WordFinalCapitalSigma_LowerCasesToFinalSigma()
    {
        Ids("ΟΔΟΣ").Should().Equal(TinyVocab.IdsOf("ο", "##δ", "##ος"));
        Ids("ΟΔΟΣ.").Should().Equal(TinyVocab.IdsOf("ο", "##δ", "##ος", "."));
    }

    [Fact]
    public void Tokenize_HangulSyllable_JamoPiecesShareTheSyllableSpan()
    {
        IReadOnlyList<WordPieceToken> tokens = Tokenizer.Tokenize("a 안");

        tokens.Should().Equal(
            new WordPieceToken(TinyVocab.Id("a"), 0, 1),
            new WordPieceToken(TinyVocab.Id("ᄋ"), 2, 1),
            new WordPieceToken(TinyVocab.Id("##ᅡ"), 2, 1),
            new WordPieceToken(TinyVocab.Id("##ᆫ"), 2, 1));
    }

    [Fact]
    public void Tokenize_CjkIdeographsGluedToLatin_EachIdeographAWord()
    {
        Tokenizer.Tokenize("hello日本").Should().Equal(
            new WordPieceToken(TinyVocab.Id("hello"), 0, 5),
            new WordPieceToken(TinyVocab.Id("日"), 5, 1),
            new WordPieceToken(TinyVocab.Id("本"), 6, 1));
    }

    [Fact]
    public void Tokenize_SymbolsThatAreNotPunctuation_StayInsideTheWord()
    {
        Ids("x² €50 ø").Should().Equal(TinyVocab.IdsOf("x", "##²", "€", "##50", "ø"));
    }

    [Fact]
    public void Tokenize_Emoji_SurrogatePairOffsets()
    {
        Tokenizer.Tokenize("a 😀!").Should().Equal(
            new WordPieceToken(TinyVocab.Id("a"), 0, 1),
            new WordPieceToken(TinyVocab.Id("😀"), 2, 2),
            new WordPieceToken(TinyVocab.Id("!"), 4, 1));
    }

    [Fact]
    public void Tokenize_CasedOptions_KeepCaseAndAccents()
    {
        WordPieceTokenizer cased = WordPieceTokenizer.Create(TinyVocab.Path, new WordPieceTokenizerOptions { LowerCase = false, StripAccents = false });

        cased.Tokenize("Hello hello café").Select(t => t.Id).Should().Equal(cased.UnkId, TinyVocab.Id("hello"), cased.UnkId);
    }

    [Fact]
    public void Tokenize_EmptyOrOnlyWhitespaceAndControls_NoPieces()
    {
        Tokenizer.Tokenize("").Should().BeEmpty();
        Tokenizer.Tokenize(" \t\r\n\u001C\u3000 ").Should().BeEmpty();
    }

    [Fact]
    public void Tokenize_Null_ThrowsNamingTheParameter()
    {
        Action act = () => Tokenizer.Tokenize(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("text");
    }

    [Fact]
    public void Encode_Sentence_WritesClsPiecesSepWithZeroTypesAndOneMask()
    {
        var ids = new long[10];
        var types = new long[10];
        var mask = new long[10];
        types.AsSpan().Fill(7);

        int written = Tokenizer.Encode("Hello, world!", 10, ids, types, mask);

        written.Should().Be(6);
        ids[..written].Should().Equal(2, TinyVocab.Id("hello"), TinyVocab.Id(","), TinyVocab.Id("world"), TinyVocab.Id("!"), 3);
        types[..written].Should().OnlyContain(t => t == 0);
        mask[..written].Should().OnlyContain(m => m == 1);
        types[written..].Should().OnlyContain(t => t == 7, "elements after the count are not written");
    }

    [Fact]
    public void Encode_LongerThanMaxLength_TruncatesPiecesAndEndsWithSep()
    {
        var ids = new long[4];

        int written = Tokenizer.Encode("unaffable cat", 4, ids, new long[4], new long[4]);

        written.Should().Be(4);
        ids.Should().Equal(2, TinyVocab.Id("un"), TinyVocab.Id("##aff"), 3);
    }

    [Fact]
    public void Encode_DestinationShorterThanTokens_ThrowsNamingIt()
    {
        Action act = () => Tokenizer.Encode("hello world", 8, new long[8], new long[3], new long[8]);

        act.Should().Throw<ArgumentException>().WithParameterName("typeIds").WithMessage("*holds 3*4 tokens*");
    }

    [Fact]
    public void Encode_MaxLengthBelowTwo_Throws()
    {
        Action act = () => Tokenizer.Encode("hello", 1, new long[4], new long[4], new long[4]);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxLength");
    }

    [Fact]
    public void Encode_NullString_ThrowsNamingTheParameter()
    {
        Action act = () => Tokenizer.Encode((string)null!, 8, new long[8], new long[8], new long[8]);

        act.Should().Throw<ArgumentNullException>().WithParameterName("text");
    }

    [Fact]
    public void CountTokensAndEncodeWindows_NullText_ThrowNamingTheParameter()
    {
        Action count = () => Tokenizer.CountTokens((string)null!);
        Action windows = () => Tokenizer.EncodeWindows(null!, 8, 0);

        count.Should().Throw<ArgumentNullException>().WithParameterName("text");
        windows.Should().Throw<ArgumentNullException>().WithParameterName("text");
    }

    [Fact]
    public void CountTokens_AnyText_EqualsNumberOfPieces()
    {
        const string text = "unaffable naïve ΟΔΟΣ, 안 日本 x² don't";

        Tokenizer.CountTokens(text).Should().Be(Tokenizer.Tokenize(text).Count).And.Be(18);
        Tokenizer.CountTokens(text.AsSpan()).Should().Be(18);
    }

    [Fact]
    public void Tokenize_MegabyteText_EqualsSentenceBySentenceTokenization()
    {
        // Chunks are cut at whitespace; the result must not depend on where: compare with each sentence alone.
        string[] sentences = ["Hello, world! ", "naïve café\tunaffable ", "ΟΔΟΣ 안 日本x² ", "snake_case\r\n", "c\u0301at 😀 "];
        var builder = new StringBuilder();
        var expected = new List<WordPieceToken>();
        for (int i = 0; builder.Length < 1_000_000; i++)
        {
            string sentence = sentences[i % sentences.Length];
            int offset = builder.Length;
            expected.AddRange(Tokenizer.Tokenize(sentence).Select(t => t with { Start = t.Start + offset }));
            builder.Append(sentence);
        }

        IReadOnlyList<WordPieceToken> actual = Tokenizer.Tokenize(builder.ToString());

        actual.Should().Equal(expected);
        Tokenizer.CountTokens(builder.ToString()).Should().Be(expected.Count);
    }

    [Fact]
    public void Encode_MegabyteTextTruncated_EqualsPrefixOfFullTokenization()
    {
        string text = string.Concat(Enumerable.Repeat("the cat sat on the mat, unaffable! ", 30_000));
        var ids = new long[128];

        int written = Tokenizer.Encode(text, 128, ids, new long[128], new long[128]);

        written.Should().Be(128);
        ids[1..127].Should().Equal(Tokenizer.Tokenize(text).Take(126).Select(t => (long)t.Id));
        ids[127].Should().Be(Tokenizer.SepId);
    }

    [Fact]
    public void Tokenize_ManyThreadsAtOnce_SameResultAsOneThread()
    {
        string[] texts = Enumerable.Range(0, 200).Select(i => $"text {i}: naïve café, unaffable ΟΔΟΣ 안 {new string('s', i % 7)}").ToArray();
        int[][] expected = texts.Select(Ids).ToArray();

        int[][] actual = new int[texts.Length][];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Ids(texts[i]));

        actual.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    [Fact]
    public void EncodeWindows_LongText_WindowsOverlapByStrideAndCoverEveryPiece()
    {
        string text = string.Join(' ', Enumerable.Repeat("the cat sat on unaffable mat", 5));
        IReadOnlyList<WordPieceToken> pieces = Tokenizer.Tokenize(text);

        IReadOnlyList<EncodedWindow> windows = Tokenizer.EncodeWindows(text, maxLength: 10, stride: 3);

        pieces.Should().HaveCount(40);
        windows.Select(w => w.FirstTokenIndex).Should().Equal(0, 5, 10, 15, 20, 25, 30, 35);
        foreach (EncodedWindow window in windows)
        {
            long[] ids = window.InputIds.ToArray();
            ids.Length.Should().BeLessThanOrEqualTo(10);
            ids[0].Should().Be(Tokenizer.ClsId);
            ids[^1].Should().Be(Tokenizer.SepId);
            window.ContentStart.Should().Be(1);
            ids[1..^1].Should().Equal(pieces.Skip(window.FirstTokenIndex).Take(window.ContentLength).Select(p => (long)p.Id));
            window.CharStarts.ToArray()[1..^1].Should().Equal(pieces.Skip(window.FirstTokenIndex).Take(window.ContentLength).Select(p => p.Start));
            window.CharStarts.Span[0].Should().Be(-1);
            window.SequenceIds.ToArray().Should().Equal([-1, .. Enumerable.Repeat(0, window.ContentLength), -1]);
            window.TokenTypeIds.ToArray().Should().OnlyContain(t => t == 0);
            window.AttentionMask.ToArray().Should().OnlyContain(m => m == 1);
        }

        (windows[^1].FirstTokenIndex + windows[^1].ContentLength).Should().Be(40);
    }

    [Fact]
    public void EncodeWindows_TextThatFits_OneWindow()
    {
        IReadOnlyList<EncodedWindow> windows = Tokenizer.EncodeWindows("hello world", maxLength: 16, stride: 4);

        windows.Should().ContainSingle().Which.InputIds.ToArray().Should().Equal(2, TinyVocab.Id("hello"), TinyVocab.Id("world"), 3);
    }

    [Fact]
    public void EncodeWindows_EmptyText_OneWindowOfClsSep()
    {
        Tokenizer.EncodeWindows("", 8, 0).Should().ContainSingle().Which.InputIds.ToArray().Should().Equal(2, 3);
    }

    [Theory]
    [InlineData(2, 0, "maxLength")]
    [InlineData(10, 8, "stride")]
    [InlineData(10, -1, "stride")]
    public void EncodeWindows_BadSizes_ThrowNamingTheParameter(int maxLength, int stride, string parameter)
    {
        Action act = () => Tokenizer.EncodeWindows("hello", maxLength, stride);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
    }

    [Fact]
    public void EncodePair_QuestionAndLongContext_QuestionInEveryWindowContextOverlapping()
    {
        const string question = "Where is Paris?";
        const string context = "Paris is the capital of France. Paris is the capital of France.";
        IReadOnlyList<WordPieceToken> contextPieces = Tokenizer.Tokenize(context);

        IReadOnlyList<EncodedWindow> windows = Tokenizer.EncodePair(question, context, maxLength: 12, stride: 2);

        contextPieces.Should().HaveCount(14);
        windows.Select(w => w.FirstTokenIndex).Should().Equal(0, 3, 6, 9);
        foreach (EncodedWindow window in windows)
        {
            long[] ids = window.InputIds.ToArray();
            ids[..6].Should().Equal(2, TinyVocab.Id("where"), TinyVocab.Id("is"), TinyVocab.Id("paris"), TinyVocab.Id("?"), 3);
            ids[^1].Should().Be(3);
            window.ContentStart.Should().Be(6);
            window.TokenTypeIds.ToArray().Should().Equal([.. Enumerable.Repeat(0L, 6), .. Enumerable.Repeat(1L, window.ContentLength + 1)]);
            window.SequenceIds.ToArray().Should().Equal([-1, 0, 0, 0, 0, -1, .. Enumerable.Repeat(1, window.ContentLength), -1]);
            int[] starts = window.CharStarts.ToArray();
            int[] lengths = window.CharLengths.ToArray();
            context.Substring(starts[6], lengths[6]).Should().Be(context.Substring(contextPieces[window.FirstTokenIndex].Start, contextPieces[window.FirstTokenIndex].Length));
            question.Substring(starts[3], lengths[3]).Should().Be("Paris");
        }
    }

    [Fact]
    public void EncodePair_EmptyQuestion_ClsSepThenContext()
    {
        IReadOnlyList<EncodedWindow> windows = Tokenizer.EncodePair("", "hello world", 16, 0);

        windows.Should().ContainSingle().Which.InputIds.ToArray().Should().Equal(2, 3, TinyVocab.Id("hello"), TinyVocab.Id("world"), 3);
        windows[0].TokenTypeIds.ToArray().Should().Equal(0, 0, 1, 1, 1);
    }

    [Fact]
    public void EncodePair_QuestionLeavesNoRoom_ThrowsWithCounts()
    {
        Action act = () => Tokenizer.EncodePair("the cat sat on the mat", "hello", 9, 0);

        act.Should().Throw<ArgumentException>().WithParameterName("maxLength").WithMessage("*6 pieces*maxLength >= 10*");
    }

    [Fact]
    public void EncodePair_StrideNotBelowRoom_Throws()
    {
        Action act = () => Tokenizer.EncodePair("hello", "the cat sat on the mat", 8, 4);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("stride");
    }

    [Fact]
    public void EncodePair_NullSecond_ThrowsNamingIt()
    {
        Action act = () => Tokenizer.EncodePair("hello", null!, 8, 0);

        act.Should().Throw<ArgumentNullException>().WithParameterName("second");
    }

    [Fact]
    public void Create_CrlfVocabularyStream_SameIdsAndStreamLeftOpen()
    {
        byte[] crlf = Encoding.UTF8.GetBytes(File.ReadAllText(TinyVocab.Path).Replace("\n", "\r\n"));
        using var stream = new MemoryStream(crlf);

        WordPieceTokenizer tokenizer = WordPieceTokenizer.Create(stream);

        stream.CanRead.Should().BeTrue("the stream overload never disposes the stream");
        tokenizer.VocabularySize.Should().Be(65);
        tokenizer.Tokenize("unaffable naïve").Select(t => t.Id).Should().Equal(TinyVocab.IdsOf("un", "##aff", "##able", "naive"));
    }

    [Fact]
    public void Create_DuplicateEntry_ThrowsNamingFileAndLine()
    {
        string path = TinyVocab.InvalidPath("duplicate-entry.txt");

        Action act = () => WordPieceTokenizer.Create(path);

        act.Should().Throw<InvalidDataException>().WithMessage($"{path}:7: entry 'hello' repeats line 5*");
    }

    [Fact]
    public void Create_NoUnknownToken_ThrowsNamingTheToken()
    {
        string path = TinyVocab.InvalidPath("missing-unk.txt");

        Action act = () => WordPieceTokenizer.Create(path);

        act.Should().Throw<InvalidDataException>().WithMessage($"{path}: no line holds '[UNK]', the unknown token*");
    }

    [Fact]
    public void Create_MissingFile_ThrowsFileNotFound()
    {
        Action act = () => WordPieceTokenizer.Create(Path.Combine(Path.GetTempPath(), "no-such-vocab-3f1c.txt"));

        act.Should().Throw<FileNotFoundException>();
    }

    [Fact]
    public void Create_NullStream_ThrowsNamingIt()
    {
        Action act = () => WordPieceTokenizer.Create((Stream)null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("vocabStream");
    }

    [Fact]
    public void LibraryTokenizer_EncodeToIds_SameIdsAsTokenize()
    {
        const string text = "Hello, naïve world! snake_case $100 ΟΔΟΣ 안";

        Tokenizer.LibraryTokenizer.EncodeToIds(text).Should().Equal(Ids(text));
    }

    [Fact]
    public void Encode_InvariantGlobalizationChildProcess_StripsAccentsLikeTheDefaultMode()
    {
        const string text = "naïve café résumé";
        int[] expected = [2, .. TinyVocab.IdsOf("naive", "cafe", "resume"), 3];

        (string[] lines, string error, int exitCode) = RunChild(invariant: true, "tokenize", TinyVocab.Path, text, "İstanbul ΟΔΟΣ 안");

        exitCode.Should().Be(0, error);
        lines[0].Should().Be("invariant=True", "the child must really run in globalization-invariant mode");
        lines[1].Should().Be("normalize-decomposes=False", "string.Normalize does nothing in invariant mode, which is why the tokenizer has its own table");
        lines[2].Should().Be(string.Join(' ', expected));
        lines[3].Should().Be(string.Join(' ', [2, .. TinyVocab.IdsOf("istanbul", "ο", "##δ", "##ος", "ᄋ", "##ᅡ", "##ᆫ"), 3]));
        lines[2].Should().Be(string.Join(' ', Tokenizer.Tokenize(text).Select(t => t.Id).Prepend(2).Append(3)), "same ids as this (ICU) process");
    }

    private static (string[] Lines, string Error, int ExitCode) RunChild(bool invariant, params string[] args)
    {
        string assembly = typeof(ChildProcessProgram).Assembly.Location;
        string host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(assembly);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = invariant ? "1" : "0";
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray(), error, process.ExitCode);
    }
}
