using System.Text.Json;
using FluentAssertions;
using NlpTransfer.Data;
using NlpTransfer.Encoders;
using NlpTransfer.Heads;
using Xunit;
using Xunit.Abstractions;

namespace NlpTransfer.IntegrationTests.Heads;

/// <summary>
/// Parity with golden/sklearn-meanglove-logreg.json: the same mean-GloVe features (checked row by row) and an
/// L2-regularised logistic regression with C = 1 fitted by our L-BFGS (L2 = 1/(C·N)); accuracy within 0.01.
/// </summary>
public sealed class MeanGloveLogisticRegressionTests(ITestOutputHelper output)
{
    private const double AccuracyTolerance = 0.01;

    public static TheoryData<string, string> Splits() => new()
    {
        { "sst2", "train" }, { "sst2", "dev" }, { "sst2", "test" }, { "agnews", "train" }, { "agnews", "test" },
    };

    [SkippableTheory]
    [MemberData(nameof(Splits))]
    public void Features_FirstRowsAndOovCounts_MatchTheReference(string dataset, string split)
    {
        // Arrange
        JsonElement golden = Golden().GetProperty(dataset).GetProperty("splits").GetProperty(split);
        LabeledDataset data = LabeledDataset.Read(SharedData.Require(golden.GetProperty("file").GetString()!));
        WordVectorEncoder encoder = TestEncoders.MeanGlove();
        JsonElement features = golden.GetProperty("features");

        // Act
        var vectors = new float[data.Count * encoder.Dimensions];
        var allOov = new bool[data.Count];
        encoder.Encode(data.GetTexts(), vectors, allOov);

        // Assert
        data.Count.Should().Be(golden.GetProperty("rows").GetInt32());
        data.Sha256.Should().Be(golden.GetProperty("sha256").GetString());
        allOov.Count(f => f).Should().Be(features.GetProperty("docs_all_oov").GetInt32());
        foreach (JsonElement row in features.GetProperty("first_rows").EnumerateArray())
        {
            int index = row.GetProperty("row").GetInt32();
            string text = data.Examples[index].Text;
            encoder.Tokenize(text).Should().Equal(row.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()));
            ReadOnlySpan<float> vector = vectors.AsSpan(index * encoder.Dimensions, encoder.Dimensions);
            double[] first5 = row.GetProperty("feature_first5").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            for (int k = 0; k < 5; k++)
            {
                ((double)vector[k]).Should().BeApproximately(first5[k], 1e-6, $"row {index} feature {k}");
            }

            double sum = 0;
            foreach (float v in vector)
            {
                sum += v;
            }

            sum.Should().BeApproximately(row.GetProperty("feature_sum").GetDouble(), 1e-5, $"row {index} sum");
        }
    }

    [SkippableTheory]
    [InlineData("sst2", "test")]
    [InlineData("sst2", "dev")]
    [InlineData("agnews", "test")]
    public void LbfgsWithC1_Accuracy_IsWithinOnePointOfScikitLearn(string dataset, string split)
    {
        // Arrange
        JsonElement golden = Golden().GetProperty(dataset);
        JsonElement splits = golden.GetProperty("splits");
        LabeledDataset trainData = LabeledDataset.Read(SharedData.Require(splits.GetProperty("train").GetProperty("file").GetString()!));
        LabeledDataset testData = LabeledDataset.Read(SharedData.Require(splits.GetProperty(split).GetProperty("file").GetString()!));
        WordVectorEncoder encoder = TestEncoders.MeanGlove();
        var cache = new FeatureCache(TestEncoders.CacheDirectory);
        LabelMap labels = LabelMap.Build(trainData);
        EncodedDataset train = EncodedDataset.Create(trainData, cache.GetOrEncode(encoder, trainData, out _), encoder.Dimensions, labels, false);
        EncodedDataset test = EncodedDataset.Create(testData, cache.GetOrEncode(encoder, testData, out _), encoder.Dimensions, labels, false);
        var options = new TrainingOptions { Optimizer = OptimizerKind.Lbfgs, L2 = 1f / train.Count };

        // Act
        ClassificationHead head = ClassificationHead.Train(train, null, options);
        ClassificationMetrics metrics = head.Evaluate(test);

        // Assert
        labels.Labels.Should().Equal(golden.GetProperty("labels").EnumerateArray().Select(l => l.ToString()));
        double expected = splits.GetProperty(split).GetProperty("accuracy").GetDouble();
        var predicted = new int[test.Count];
        head.Predict(test.Features, predicted);
        string reference = splits.GetProperty(split).TryGetProperty("predictions", out JsonElement p) ? p.GetString()! : string.Empty;
        int agree = reference.Length == test.Count ? predicted.Where((c, i) => reference[i] - '0' == c).Count() : -1;
        output.WriteLine($"{dataset} {split}: accuracy {metrics.Accuracy:0.0000} (scikit-learn {expected:0.0000}), macro F1 {metrics.MacroF1:0.0000}, " +
            $"{head.Summary!.EpochsRun} L-BFGS iterations, {head.Summary.Elapsed.TotalSeconds:0.00} s; predictions agreeing with scikit-learn: {agree}/{test.Count}");
        metrics.Accuracy.Should().BeApproximately(expected, AccuracyTolerance);
    }

    private static JsonElement Golden()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(SharedData.Require("golden/sklearn-meanglove-logreg.json")));
        return document.RootElement.Clone();
    }
}
