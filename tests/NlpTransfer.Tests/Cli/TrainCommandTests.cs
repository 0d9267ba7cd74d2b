using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace NlpTransfer.Tests.Cli;

/// <summary>nlpt train / evaluate / predict run in-process on a tiny word2vec file and datasets written by the test.</summary>
[Collection("cli")]
public sealed class TrainCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nlpt-cli-heads").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Train_ThenEvaluateAndPredict_WorkWithoutFeaturesFlag()
    {
        // Arrange
        (string vectors, string train, string dev) = WriteFixtures();
        string head = Path.Combine(_folder, "sentiment.head.json");

        // Act
        (int trainCode, string trainOut, string trainErr) = PlainConsoleCli.Run("train", "--train", train, "--dev", dev, "--features", $"vectors:{vectors}",
            "--output", head, "--epochs", "30", "--lr", "0.05", "--cache-dir", Path.Combine(_folder, "cache"), "--json");
        (int evalCode, string evalOut, _) = PlainConsoleCli.Run("evaluate", head, "--test", dev, "--cache-dir", Path.Combine(_folder, "cache"), "--json");
        (int predictCode, string predictOut, _) = PlainConsoleCli.Run("predict", head, "a wonderful great film", "awful boring mess", "--json");

        // Assert
        trainCode.Should().Be(0, trainErr);
        trainErr.Should().Contain("epoch 1/30");
        using JsonDocument trained = JsonDocument.Parse(trainOut);
        trained.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).Should().Equal("neg", "pos");
        trained.RootElement.GetProperty("dev_metrics").GetProperty("accuracy").GetDouble().Should().Be(1.0);
        evalCode.Should().Be(0);
        using JsonDocument evaluated = JsonDocument.Parse(evalOut);
        evaluated.RootElement.GetProperty("accuracy").GetDouble().Should().Be(1.0);
        evaluated.RootElement.GetProperty("confusion_matrix")[0].EnumerateArray().Select(v => v.GetInt32()).Should().Equal(1, 0);
        predictCode.Should().Be(0);
        using JsonDocument predicted = JsonDocument.Parse(predictOut);
        predicted.RootElement.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("label").GetString()).Should().Equal("pos", "neg");
    }

    [Fact]
    public void Train_MalformedRow_ExitsOneNamingFileAndLine()
    {
        (string vectors, _, _) = WriteFixtures();
        string bad = Path.Combine(_folder, "bad.txt");
        File.WriteAllText(bad, "pos great film\nnolabel\n");

        (int code, _, string error) = PlainConsoleCli.Run("train", "--train", bad, "--features", $"vectors:{vectors}", "--output", Path.Combine(_folder, "h.json"), "--format", "label-text");

        code.Should().Be(1);
        error.Should().Contain($"{bad}:2: expected 'label text'");
    }

    [Fact]
    public void Train_SkipBadRows_ReportsTheCount()
    {
        (string vectors, string train, _) = WriteFixtures();
        File.AppendAllText(train, "nolabel\n");

        (int code, _, string error) = PlainConsoleCli.Run("train", "--train", train, "--features", $"vectors:{vectors}", "--output", Path.Combine(_folder, "h.json"),
            "--skip-bad-rows", "--epochs", "2", "--no-cache");

        code.Should().Be(0, error);
        error.Should().Contain("skipped 1 malformed row(s)");
    }

    [Fact]
    public void Train_DevLabelAbsentFromTrain_ExitsOne()
    {
        (string vectors, string train, _) = WriteFixtures();
        string dev = Path.Combine(_folder, "dev2.txt");
        File.WriteAllText(dev, "neutral a film\n");

        (int code, _, string error) = PlainConsoleCli.Run("train", "--train", train, "--dev", dev, "--features", $"vectors:{vectors}", "--output", Path.Combine(_folder, "h.json"), "--no-cache");

        code.Should().Be(1);
        error.Should().Contain($"{dev}:1: label 'neutral' is not among the 2 training labels");
    }

    [Fact]
    public void Train_MissingTrainOption_IsAUsageError()
    {
        (int code, _, string error) = PlainConsoleCli.Run("train", "--output", "x.json");

        code.Should().Be(2);
        error.Should().Contain("--train <file> is required");
    }

    [Fact]
    public void Evaluate_TruncatedHead_ExitsOneNamingTheFile()
    {
        string head = Path.Combine(_folder, "broken.head.json");
        File.WriteAllText(head, "{\"format\": \"nlpt-classification-head\", \"version\": 1, \"labels\": [");
        string test = Path.Combine(_folder, "t.txt");
        File.WriteAllText(test, "pos great\n");

        (int code, _, string error) = PlainConsoleCli.Run("evaluate", head, "--test", test);

        code.Should().Be(1);
        error.Should().Contain($"{head}: not a complete head file");
    }

    [Fact]
    public void Predict_OtherEncoder_IsRefused()
    {
        // Arrange: a head trained on one vector file, used with another.
        (string vectors, string train, _) = WriteFixtures();
        string head = Path.Combine(_folder, "h.json");
        PlainConsoleCli.Run("train", "--train", train, "--features", $"vectors:{vectors}", "--output", head, "--epochs", "2", "--no-cache").Code.Should().Be(0);
        string other = Path.Combine(_folder, "other.txt");
        File.WriteAllText(other, "2 3\ngreat 1 0 0\nawful 0 1 0\n");

        // Act
        (int code, _, string error) = PlainConsoleCli.Run("predict", head, "great", "--features", $"vectors:{other}");

        // Assert
        code.Should().Be(1);
        error.Should().Contain("was trained on encoder 'word-vector-mean/").And.Contain("cannot be used with encoder");
    }

    private (string Vectors, string Train, string Dev) WriteFixtures()
    {
        string vectors = Path.Combine(_folder, "tiny.w2v.txt");
        File.WriteAllText(vectors, string.Join('\n',
            "8 3",
            "great 1 0.1 0", "wonderful 0.9 0 0.1", "good 0.8 0.2 0", "fine 0.6 0 0.1",
            "awful -1 0 0.1", "boring -0.8 0.1 0", "bad -0.9 0 0", "mess -0.7 0.1 0.1") + "\n");
        string train = Path.Combine(_folder, "train.txt");
        File.WriteAllText(train, "pos great film\npos wonderful and good\nneg awful mess\nneg boring bad\npos fine\nneg bad bad\n");
        string dev = Path.Combine(_folder, "dev.txt");
        File.WriteAllText(dev, "pos good wonderful\nneg boring mess\n");
        return (vectors, train, dev);
    }
}
