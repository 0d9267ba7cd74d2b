using System.Text;
using FluentAssertions;
using NlpTransfer.Data;
using NlpTransfer.Encoders;
using NlpTransfer.Heads;
using Xunit;

namespace NlpTransfer.Tests.Heads;

public sealed class ClassificationHeadTests
{
    [Theory]
    [InlineData(0, OptimizerKind.AdamW)]
    [InlineData(8, OptimizerKind.AdamW)]
    [InlineData(0, OptimizerKind.Lbfgs)]
    public void Train_LinearlySeparableSet_LearnsItCompletely(int hidden, OptimizerKind optimizer)
    {
        // Arrange
        EncodedDataset train = HeadTestData.Blobs(40, 3, 5, seed: 1);
        var options = new TrainingOptions { HiddenUnits = hidden, Optimizer = optimizer, Epochs = 60, LearningRate = 0.02f, Dropout = 0f };

        // Act
        ClassificationHead head = ClassificationHead.Train(train, null, options);

        // Assert
        head.Evaluate(train).Accuracy.Should().Be(1.0);
    }

    [Fact]
    public void Train_SameSeedTwice_GivesIdenticalWeights()
    {
        // Arrange
        EncodedDataset train = HeadTestData.Blobs(30, 3, 6, seed: 2, spread: 1.5f);
        EncodedDataset dev = HeadTestData.Blobs(10, 3, 6, seed: 3, spread: 1.5f, labels: train.Labels);
        var options = new TrainingOptions { HiddenUnits = 7, Dropout = 0.2f, Epochs = 8, Seed = 9 };

        // Act
        ClassificationHead first = ClassificationHead.Train(train, dev, options);
        ClassificationHead second = ClassificationHead.Train(train, dev, options);
        ClassificationHead otherSeed = ClassificationHead.Train(train, dev, options with { Seed = 10 });

        // Assert
        first.Parameters.ToArray().Should().Equal(second.Parameters.ToArray());
        otherSeed.Parameters.ToArray().Should().NotEqual(first.Parameters.ToArray());
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(false, 5)]
    [InlineData(true, 0)]
    public void SaveLoad_RoundTrip_GivesIdenticalPredictions(bool multiLabel, int hidden)
    {
        // Arrange
        EncodedDataset train = multiLabel ? HeadTestData.MultiLabel(80, 3, 5, seed: 4) : HeadTestData.Blobs(20, 3, 5, seed: 4, spread: 1f);
        EncodedDataset dev = multiLabel ? HeadTestData.MultiLabel(30, 3, 5, seed: 5, labels: train.Labels) : HeadTestData.Blobs(8, 3, 5, seed: 5, spread: 1f, labels: train.Labels);
        var options = new TrainingOptions { Task = multiLabel ? HeadTask.MultiLabel : HeadTask.Classify, HiddenUnits = hidden, Epochs = 5 };
        ClassificationHead head = ClassificationHead.Train(train, dev, options, encoderIdentity: "fake/enc", encoderSource: "vectors:x.txt");
        var before = new float[dev.Count * 3];
        head.PredictProbabilities(dev.Features, before);
        using var stream = new MemoryStream();

        // Act
        head.Save(stream);
        stream.Position = 0;
        ClassificationHead loaded = ClassificationHead.Load(stream);

        // Assert
        var after = new float[dev.Count * 3];
        loaded.PredictProbabilities(dev.Features, after);
        after.Should().Equal(before);
        loaded.Labels.Labels.Should().Equal(head.Labels.Labels);
        loaded.EncoderIdentity.Should().Be("fake/enc");
        loaded.EncoderSource.Should().Be("vectors:x.txt");
        loaded.Thresholds.ToArray().Should().Equal(head.Thresholds.ToArray());
        loaded.DevMetrics.Should().BeEquivalentTo(head.DevMetrics);
        loaded.Options.Should().Be(head.Options);
    }

    [Fact]
    public void Save_ToPath_WritesThroughTemporaryFileAndLeavesNoTemporary()
    {
        // Arrange
        ClassificationHead head = ClassificationHead.Train(HeadTestData.Blobs(5, 2, 3, seed: 1), null, new TrainingOptions { Epochs = 2 });
        string folder = Directory.CreateTempSubdirectory("nlpt-head").FullName;
        string path = Path.Combine(folder, "h.head");
        try
        {
            // Act
            head.Save(path);
            head.Save(path);

            // Assert
            Directory.GetFiles(folder).Should().Equal(path);
            ClassificationHead.Load(path).Parameters.ToArray().Should().Equal(head.Parameters.ToArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsNamingTruncation()
    {
        // Arrange
        byte[] bytes = SavedBytes();
        using var truncated = new MemoryStream(bytes, 0, bytes.Length / 2);

        // Act
        Action act = () => ClassificationHead.Load(truncated, "h.head");

        // Assert
        act.Should().Throw<InvalidDataException>().WithMessage("h.head: not a complete head file*truncated*");
    }

    [Fact]
    public void Load_NewerVersion_ThrowsAskingForUpgrade()
    {
        // Arrange
        string text = Encoding.UTF8.GetString(SavedBytes()).Replace("\"version\": 1,", "\"version\": 7,", StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        // Act
        Action act = () => ClassificationHead.Load(stream, "h.head");

        // Assert
        act.Should().Throw<InvalidDataException>().WithMessage("h.head: head file format version 7 was written by a newer NlpTransfer*reads versions up to 1*");
    }

    [Fact]
    public void Load_TamperedWeights_ThrowsChecksumError()
    {
        // Arrange
        string text = Encoding.UTF8.GetString(SavedBytes());
        int at = text.IndexOf("\"float32_le_base64\": \"", StringComparison.Ordinal) + 22;
        char replacement = text[at] == 'A' ? 'B' : 'A';
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text[..at] + replacement + text[(at + 1)..]));

        // Act
        Action act = () => ClassificationHead.Load(stream, "h.head");

        // Assert
        act.Should().Throw<InvalidDataException>().WithMessage("*SHA-256 does not match*");
    }

    [Fact]
    public void Load_NotAHeadFile_Throws()
    {
        using var stream = new MemoryStream("{\"format\": \"something-else\"}"u8.ToArray());

        Action act = () => ClassificationHead.Load(stream, "x.json");

        act.Should().Throw<InvalidDataException>().WithMessage("x.json: not a head file*");
    }

    [Fact]
    public void EnsureCompatible_OtherEncoder_ThrowsNamingBoth()
    {
        // Arrange
        ClassificationHead head = ClassificationHead.Train(HeadTestData.Blobs(5, 2, 3, seed: 1), null, new TrainingOptions { Epochs = 1 },
            encoderIdentity: "minilm-l6-v2/mean/normalized@sha256:abc");
        var other = new FakeEncoder("word-vector-mean@3d-sha256:def", 3);

        // Act
        Action act = () => head.EnsureCompatible(other);

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("*trained on encoder 'minilm-l6-v2/mean/normalized@sha256:abc'*'word-vector-mean@3d-sha256:def'*");
        head.Invoking(h => h.EnsureCompatible(new FakeEncoder("minilm-l6-v2/mean/normalized@sha256:abc", 3))).Should().NotThrow();
    }

    [Fact]
    public void Train_EmptyDataset_ThrowsClearError()
    {
        var labels = LabelMap.FromLabels(["a", "b"]);
        EncodedDataset empty = EncodedDataset.FromArrays([], 3, [], labels, false);

        Action act = () => ClassificationHead.Train(empty, null);

        act.Should().Throw<ArgumentException>().WithMessage("*is empty*");
    }

    [Fact]
    public void Train_OneClassOnly_ThrowsClearError()
    {
        var labels = LabelMap.FromLabels(["pos"]);
        EncodedDataset train = EncodedDataset.FromArrays([1, 2, 3, 4], 2, [[0], [0]], labels, false);

        Action act = () => ClassificationHead.Train(train, null);

        act.Should().Throw<ArgumentException>().WithMessage("*only one class ('pos')*at least two*");
    }

    [Fact]
    public void Train_MultiLabelWithDev_TunesThresholdsAndReportsExampleF1()
    {
        // Arrange
        EncodedDataset train = HeadTestData.MultiLabel(300, 3, 6, seed: 8);
        EncodedDataset dev = HeadTestData.MultiLabel(100, 3, 6, seed: 9, labels: train.Labels);

        // Act
        ClassificationHead head = ClassificationHead.Train(train, dev, new TrainingOptions { Task = HeadTask.MultiLabel, Epochs = 30, LearningRate = 0.05f });

        // Assert
        head.Thresholds.Length.Should().Be(3);
        head.DevMetrics["example_f1"].Should().BeGreaterThan(0.9);
        head.EvaluateMultiLabel(dev).HammingLoss.Should().BeLessThan(0.08);
    }

    [Fact]
    public void Train_Cancelled_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Action act = () => ClassificationHead.Train(HeadTestData.Blobs(5, 2, 3, seed: 1), null, null, null, cancellation.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Train_WithDev_ReportsProgressEveryEpochAndKeepsBest()
    {
        // Arrange
        EncodedDataset train = HeadTestData.Blobs(20, 2, 4, seed: 1, spread: 2f);
        EncodedDataset dev = HeadTestData.Blobs(20, 2, 4, seed: 2, spread: 2f, labels: train.Labels);
        var reports = new List<EpochMetrics>();
        var progress = new SynchronousProgress<EpochMetrics>(reports.Add);

        // Act
        ClassificationHead head = ClassificationHead.Train(train, dev, new TrainingOptions { Epochs = 6, Patience = 0 }, progress);

        // Assert
        reports.Select(r => r.Epoch).Should().Equal(1, 2, 3, 4, 5, 6);
        reports.Should().OnlyContain(r => r.DevMetric != null && r.DevMetricName == "accuracy");
        head.DevMetrics["accuracy"].Should().Be(reports.Where(r => r.IsBest).Max(r => r.DevMetric!.Value));
    }

    private static byte[] SavedBytes()
    {
        ClassificationHead head = ClassificationHead.Train(HeadTestData.Blobs(5, 2, 3, seed: 1), null, new TrainingOptions { Epochs = 2 });
        using var stream = new MemoryStream();
        head.Save(stream);
        return stream.ToArray();
    }

    private sealed class FakeEncoder(string identity, int dimensions) : IDocumentEncoder
    {
        public int Dimensions => dimensions;

        public string Identity => identity;

        public void Encode(IReadOnlyList<string> texts, Span<float> destination) => destination.Clear();
    }
}

/// <summary>An IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
