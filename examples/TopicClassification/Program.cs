// Topic classification (AG News: World, Sports, Business, Sci/Tech) with a head on frozen features, comparing two
// embedding spaces: the default sentence encoder and the mean of pretrained GloVe word vectors.
//
//   dotnet run --project examples/TopicClassification -- \
//       ../shared/data/topic/agnews/train.tsv ../shared/data/topic/agnews/test.tsv \
//       [--vectors ../shared/data/vectors/glove-100d-top50k.w2v.txt] [--hidden 256] [--output topics.head.json]
//
// Without --vectors the default encoder (all-MiniLM-L6-v2) is used.

using NlpTransfer.Data;
using NlpTransfer.Embeddings;
using NlpTransfer.Encoders;
using NlpTransfer.Heads;
using NlpTransfer.Models.MiniLM;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: TopicClassification <train.tsv> <test.tsv> [--vectors <file>] [--hidden N] [--output head.json]");
    return 2;
}

string trainPath = args[0], testPath = args[1];
string? vectorsPath = Option("--vectors");
int hidden = int.Parse(Option("--hidden") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
string outputPath = Option("--output") ?? "topics.head.json";

// 1. AG News is "text<TAB>label" without a header: the label follows the last tab. Auto-detection sees the tab and
//    no header naming the columns, so it picks the headerless layout; it is spelled out here for clarity.
var readOptions = new DatasetReadOptions { Format = DatasetFormat.TsvNoHeader };
LabeledDataset trainData = LabeledDataset.Read(trainPath, readOptions);
LabeledDataset testData = LabeledDataset.Read(testPath, readOptions);
LabelMap labels = LabelMap.Build(trainData);
Console.WriteLine($"{trainData.Count} training and {testData.Count} test articles; classes {string.Join(", ", labels.Labels)}");

// 2. Pick the embedding space. Both implement IDocumentEncoder, so nothing below depends on the choice.
//    WordVectorEncoder averages the vectors of a text's words (lower-cased letter runs; unknown words skipped).
IDocumentEncoder encoder;
string source;
WordVectors? vectors = null;
if (vectorsPath is not null)
{
    vectors = WordVectors.Load(vectorsPath);
    encoder = WordVectorEncoder.Create(vectors);
    source = "vectors:" + Path.GetFullPath(vectorsPath);
}
else
{
    encoder = MiniLmEncoder.Create();
    source = "minilm";
}

Console.WriteLine($"encoder: {encoder.Identity} ({encoder.Dimensions} dimensions)");

// 3. Encode once (cached by encoder identity and file hash).
var cache = new FeatureCache(Path.Combine(Path.GetTempPath(), "nlpt-example-cache"));
EncodedDataset train = EncodedDataset.Create(trainData, cache.GetOrEncode(encoder, trainData, out _), encoder.Dimensions, labels, false);
EncodedDataset test = EncodedDataset.Create(testData, cache.GetOrEncode(encoder, testData, out _), encoder.Dimensions, labels, false);

// 4. AG News has no dev split here: hold out the last 10% of the training articles for early stopping.
int devCount = train.Count / 10;
(EncodedDataset fit, EncodedDataset dev) = Split(trainData, train, devCount);

// 5. Train a linear head, or with --hidden N an MLP with one ReLU layer and dropout 0.1.
var options = new TrainingOptions { HiddenUnits = hidden, Epochs = 40, LearningRate = hidden > 0 ? 0.001f : 0.005f, Patience = 5 };
var progress = new EpochPrinter();
ClassificationHead head = ClassificationHead.Train(fit, dev, options, progress, encoderIdentity: encoder.Identity, encoderSource: source);

// 6. Test metrics: accuracy, macro F1, per-class precision/recall, and where the confusions are.
ClassificationMetrics metrics = head.Evaluate(test);
Console.WriteLine($"test accuracy {metrics.Accuracy:0.0000}, macro F1 {metrics.MacroF1:0.0000}");
Console.WriteLine($"{"",10}" + string.Concat(labels.Labels.Select(l => $"{l,10}")));
for (int gold = 0; gold < labels.Count; gold++)
{
    Console.WriteLine($"{labels[gold],10}" + string.Concat(metrics.ConfusionMatrix[gold].Select(n => $"{n,10}")));
}

// 7. Save; `nlpt predict topics.head.json "Stocks fell as oil prices rose"` rebuilds the encoder from the head.
head.Save(outputPath);
Console.WriteLine($"head saved to {outputPath}");
(encoder as IDisposable)?.Dispose();
vectors?.Dispose();
return 0;

string? Option(string name)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static (EncodedDataset Fit, EncodedDataset Dev) Split(LabeledDataset data, EncodedDataset encoded, int devCount)
{
    int fitCount = encoded.Count - devCount;
    int d = encoded.Dimensions;
    LabeledDataset fitData = LabeledDataset.FromExamples(data.Examples.Take(fitCount).ToList(), data.Name);
    LabeledDataset devData = LabeledDataset.FromExamples(data.Examples.Skip(fitCount).ToList(), data.Name);
    float[] features = encoded.Features.ToArray();
    return (
        EncodedDataset.Create(fitData, features[..(fitCount * d)], d, encoded.Labels, false),
        EncodedDataset.Create(devData, features[(fitCount * d)..], d, encoded.Labels, false));
}

/// <summary>Prints one line per epoch, on the training thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
sealed class EpochPrinter : IProgress<EpochMetrics>
{
    public void Report(EpochMetrics e) =>
        Console.WriteLine($"  epoch {e.Epoch,2}  loss {e.TrainLoss:0.0000}  dev accuracy {e.DevMetric:0.0000}{(e.IsBest ? "  *" : "")}");
}
