using FluentAssertions;
using NlpTransfer.Alignment;
using NlpTransfer.Embeddings;
using Xunit;

namespace NlpTransfer.Tests.Alignment;

public sealed class CrossLingualMapTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nlpt-map-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SaveLoad_FittedMap_RoundTripsExactly()
    {
        // Arrange
        var (map, source, _) = FitCentered();
        string path = Path.Combine(_folder, "en-es.map.json");

        // Act
        map.Save(path);
        CrossLingualMap loaded = CrossLingualMap.Load(path);

        // Assert
        loaded.Matrix.ToArray().Should().Equal(map.Matrix.ToArray());
        loaded.Dimensions.Should().Be(map.Dimensions);
        loaded.SourceNormalizer.Steps.Should().Equal(NormalizationStep.Unit, NormalizationStep.Center, NormalizationStep.Unit);
        loaded.SourceNormalizer.CenterMeans[0].Should().Equal(map.SourceNormalizer.CenterMeans[0]);
        loaded.TargetNormalizer.CenterMeans[0].Should().Equal(map.TargetNormalizer.CenterMeans[0]);
        loaded.Source.Should().Be(VectorsFingerprint.Of(source));
        loaded.Apply(source).Matrix.ToArray().Should().Equal(map.Apply(source).Matrix.ToArray());
        Directory.GetFiles(_folder).Should().ContainSingle("the temporary file is renamed into place");
    }

    [Fact]
    public void Save_FileContent_IsVersionedWithDimensionsAndHash()
    {
        var (map, _, _) = FitCentered();
        using var stream = new MemoryStream();

        map.Save(stream);

        string json = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        json.Should().Contain("\"format\":\"nlpt-crosslingual-map\"").And.Contain("\"version\":1").And.Contain("\"dimensions\":6")
            .And.Contain("\"normalization\":[\"unit\",\"center\",\"unit\"]").And.Contain($"\"sha256\":\"{map.Source.Sha256}\"");
        map.Source.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Apply_VectorsOfAnotherDimension_ThrowsClearError()
    {
        var (map, _, _) = FitCentered();
        WordVectors other = AlignmentFixtures.Vectors("o", new float[8], 4);

        var act = () => map.Apply(other);

        act.Should().Throw<ArgumentException>().WithMessage("Dimension mismatch: the map is 6-dimensional, the source vectors have 4 dimensions.");
    }

    [Fact]
    public void MapVector_KnownWord_EqualsTheMappedRow()
    {
        var (map, source, _) = FitCentered();
        var destination = new float[6];

        bool found = map.TryMapWord(source, "s3", destination);

        found.Should().BeTrue();
        float[] row = map.Apply(source)[3].ToArray();
        for (int i = 0; i < 6; i++)
        {
            destination[i].Should().BeApproximately(row[i], 1e-5f);
        }

        map.TryMapWord(source, "unknown", destination).Should().BeFalse();
        destination.Should().OnlyContain(v => v == 0f);
    }

    [Fact]
    public void Inverse_MapsTargetBackToSource()
    {
        var random = new Random(12);
        double[] rotation = AlignmentFixtures.RandomRotation(random, 5);
        var map = CrossLingualMap.FromMatrix(rotation, 5);
        float[] x = AlignmentFixtures.RandomMatrix(random, 1, 5);
        var mapped = new float[5];
        var back = new float[5];

        map.MapVector(x, mapped);
        map.Inverse().MapVector(mapped, back);

        for (int i = 0; i < 5; i++)
        {
            back[i].Should().BeApproximately(x[i], 1e-5f);
        }
    }

    [Theory]
    [InlineData("{\"format\":\"something-else\",\"version\":1}", "*not a cross-lingual map file (format 'something-else'*")]
    [InlineData("{\"format\":\"nlpt-crosslingual-map\",\"version\":9,\"dimensions\":2}", "*version 9 is not supported*")]
    [InlineData("{\"format\":\"nlpt-crosslingual-map\",\"version\":1,\"dimensions\":2,\"w\":[[1,0]]}", "*expected a 2 × 2 matrix 'w'*")]
    [InlineData("not json", "*not a cross-lingual map file (invalid JSON*")]
    public void Load_BadFile_ThrowsNamingTheFile(string content, string message)
    {
        string path = Path.Combine(_folder, "bad.map.json");
        File.WriteAllText(path, content);

        var act = () => CrossLingualMap.Load(path);

        act.Should().Throw<InvalidDataException>().WithMessage(message).Where(e => e.Message.StartsWith(path, StringComparison.Ordinal));
    }

    private static (CrossLingualMap Map, WordVectors Source, WordVectors Target) FitCentered()
    {
        var random = new Random(30);
        const int n = 40, d = 6;
        float[] x = AlignmentFixtures.RandomMatrix(random, n, d);
        WordVectors source = AlignmentFixtures.Vectors("s", x, d);
        WordVectors target = AlignmentFixtures.Vectors("t", MatrixReference.Rotate(x, n, d, AlignmentFixtures.RandomRotation(random, d)), d);
        var options = new AlignmentOptions { Normalization = EmbeddingNormalizer.ParseSteps("unit,center,unit") };
        return (CrossLingualAligner.Align(source, target, AlignmentFixtures.Identity(Enumerable.Range(0, 20)), options).Map, source, target);
    }
}
