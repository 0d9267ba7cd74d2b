// Fine-tuning a sentiment head on top of a pretrained sentence encoder.
//
//   dotnet run --project examples/SentimentFineTuning -- \
//       ../shared/data/sentiment/sst2/stsa.binary.train \
//       ../shared/data/sentiment/sst2/stsa.binary.dev \
//       ../shared/data/sentiment/sst2/stsa.binary.test \
//       [sentiment.head.json]
//
// The encoder (all-MiniLM-L6-v2, embedded in the NlpTransfer.Models.MiniLM assembly) stays frozen: every sentence
// becomes one 384-dimensional vector, and only a small softmax head (384 × 2 weights + 2 biases) is trained on top.
// That is transfer learning through an embedding space: what the encoder learned from a billion sentence pairs is
// reused for a task it never saw.

using NlpTransfer.Data;
using NlpTransfer.Heads;
using NlpTransfer.Models.MiniLM;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: SentimentFineTuning <train> <dev> <test> [output.head.json]");
    return 2;
}

string trainPath = args[0], devPath = args[1], testPath = args[2];
string outputPath = args.Length > 3 ? args[3] : "sentiment.head.json";

// 1. Read the labelled sentences. SST-2 files hold "label sentence" lines (label 0 = negative, 1 = positive);
//    the format is detected from the first line. Malformed lines would stop here with file:line in the message.
LabeledDataset trainData = LabeledDataset.Read(trainPath);
LabeledDataset devData = LabeledDataset.Read(devPath);
LabeledDataset testData = LabeledDataset.Read(testPath);
Console.WriteLine($"read {trainData.Count} training, {devData.Count} dev and {testData.Count} test sentences ({trainData.Format})");

// 2. The label map: the classes in a fixed order, saved with the head.
LabelMap labels = LabelMap.Build(trainData);
Console.WriteLine($"classes: {string.Join(", ", labels.Labels)}");

// 3. The default encoder. It owns an ONNX Runtime session, hence `using`.
using var encoder = MiniLmEncoder.Create();
Console.WriteLine($"encoder: {encoder.Identity}");

// 4. Encode every sentence once. The cache keys the vectors by the encoder's identity and the file's SHA-256, so a
//    second run (or another head on the same data) skips this step.
var cache = new FeatureCache(Path.Combine(Path.GetTempPath(), "nlpt-example-cache"));
EncodedDataset Encode(LabeledDataset data)
{
    float[] features = cache.GetOrEncode(encoder, data, out bool fromCache);
    Console.WriteLine($"  {Path.GetFileName(data.Name)}: {data.Count} vectors {(fromCache ? "from the cache" : "encoded")}");
    return EncodedDataset.Create(data, features, encoder.Dimensions, labels, multiLabel: false);
}

EncodedDataset train = Encode(trainData);
EncodedDataset dev = Encode(devData);
EncodedDataset test = Encode(testData);

// 5. Train the head: mini-batch AdamW; after each epoch the dev accuracy is measured, the best epoch's weights are
//    kept, and training stops after 5 epochs without improvement. The seed makes the run repeatable.
var options = new TrainingOptions { Epochs = 40, LearningRate = 0.005f, Patience = 5, Seed = 42 };
var progress = new EpochPrinter();
ClassificationHead head = ClassificationHead.Train(train, dev, options, progress,
    encoderIdentity: encoder.Identity, encoderSource: "minilm");

// 6. Evaluate on the held-out test split.
ClassificationMetrics metrics = head.Evaluate(test);
Console.WriteLine($"test accuracy {metrics.Accuracy:0.0000}, macro F1 {metrics.MacroF1:0.0000}");
foreach (ClassMetrics c in metrics.PerClass)
{
    Console.WriteLine($"  class {c.Label}: precision {c.Precision:0.0000}  recall {c.Recall:0.0000}  F1 {c.F1:0.0000}  ({c.Support} sentences)");
}

// 7. Save the head (a small JSON file: format version, encoder identity, labels, weights) and use it on new text.
//    `nlpt predict <head> "some text"` does the same from the command line.
head.Save(outputPath);
ClassificationHead loaded = ClassificationHead.Load(outputPath);
loaded.EnsureCompatible(encoder);
string[] reviews = ["A warm, funny and beautifully acted film.", "Two hours of my life I will never get back."];
var vectors = new float[reviews.Length * encoder.Dimensions];
encoder.Encode(reviews, vectors);
var probabilities = new float[reviews.Length * labels.Count];
loaded.PredictProbabilities(vectors, probabilities);
for (int i = 0; i < reviews.Length; i++)
{
    Console.WriteLine($"P(positive) = {probabilities[i * 2 + labels.IndexOf("1")]:0.000}  {reviews[i]}");
}

Console.WriteLine($"head saved to {outputPath}");
return 0;

/// <summary>Prints one line per epoch, on the training thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
sealed class EpochPrinter : IProgress<EpochMetrics>
{
    public void Report(EpochMetrics e) =>
        Console.WriteLine($"  epoch {e.Epoch,2}  loss {e.TrainLoss:0.0000}  dev accuracy {e.DevMetric:0.0000}{(e.IsBest ? "  *" : "")}");
}
