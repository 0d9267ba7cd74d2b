using FluentAssertions;
using NlpTransfer.Alignment;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Alignment;

public sealed class BilingualDictionaryTests
{
    [Fact]
    public void Load_SpaceAndTabSeparated_ReadsPairsWithSeveralTranslations()
    {
        var dictionary = BilingualDictionary.Load(new StringReader("the el\nthe la\ncat\tgato\n\nperro  dog\n"));

        dictionary.Pairs.Should().Equal(("the", "el"), ("the", "la"), ("cat", "gato"), ("perro", "dog"));
        dictionary.GroupBySource().Should().HaveCount(3);
        dictionary.GroupBySource()[0].Targets.Should().Equal("el", "la");
    }

    [Theory]
    [InlineData("a b\nlonely\n", "d.txt:2: expected 'source target' (two words), found one word 'lonely'.")]
    [InlineData("a b c\n", "d.txt:1: expected 'source target' (two words), found more: 'a b c'.")]
    public void Load_MalformedLine_ThrowsNamingFileAndLine(string text, string message)
    {
        var act = () => BilingualDictionary.Load(new StringReader(text), "d.txt");

        act.Should().Throw<InvalidDataException>().WithMessage(message);
    }

    [Fact]
    public void Load_InvalidFixture_ThrowsTheDocumentedMessage()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "invalid", "dictionary-three-words.txt");

        var act = () => BilingualDictionary.Load(path);

        act.Should().Throw<InvalidDataException>().WithMessage($"{path}:3: expected 'source target' (two words), found more: 'dog perro can'.");
    }

    [Fact]
    public void Resolve_MissingWords_AreCountedWithExamples()
    {
        WordVectors source = WordVectors.FromMatrix(["cat", "dog"], new float[4], 2);
        WordVectors target = WordVectors.FromMatrix(["gato", "perro"], new float[4], 2);
        var dictionary = BilingualDictionary.FromPairs([("cat", "gato"), ("cat", "minino"), ("bird", "pájaro"), ("dog", "perro")]);

        ResolvedDictionary resolved = dictionary.Resolve(source, target);

        resolved.SourceRows.Should().Equal(0, 1);
        resolved.TargetRows.Should().Equal(0, 1);
        resolved.Coverage.Should().BeEquivalentTo(new
        {
            PairsTotal = 4, PairsUsed = 2, SourcesTotal = 3, SourcesInVocabulary = 2, SourcesUsed = 2,
            PairsMissingSource = 1, PairsMissingTarget = 1,
        });
        resolved.Coverage.MissingExamples.Should().Equal("cat minino", "bird pájaro");
    }

    [Fact]
    public void Resolve_IgnoreCase_MatchesTheMostFrequentCasing()
    {
        WordVectors source = WordVectors.FromMatrix(["Paris", "paris"], new float[4], 2);
        WordVectors target = WordVectors.FromMatrix(["París"], new float[2], 2);
        var dictionary = BilingualDictionary.FromPairs([("PARIS", "parís")]);

        dictionary.Resolve(source, target).Count.Should().Be(0);
        ResolvedDictionary resolved = dictionary.Resolve(source, target, DictionaryCaseMode.IgnoreCase);

        resolved.SourceRows.Should().Equal(0);
        resolved.TargetRows.Should().Equal(0);
    }
}
