using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using NlpTransfer.Data;
using NlpTransfer.IO;

namespace NlpTransfer.Heads;

public sealed partial class ClassificationHead
{
    /// <summary>The format name written in every head file.</summary>
    public const string FormatName = "nlpt-classification-head";

    /// <summary>The newest head-file version this build writes and reads.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>
    /// Writes the head as JSON: format name and version, task, dimensions, encoder identity and source, label map,
    /// thresholds, training options, dev metrics, and the parameters as base64 little-endian float32 with their SHA-256.
    /// Never disposes <paramref name="stream"/>.
    /// </summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] weights = MemoryMarshal.AsBytes(_parameters.AsSpan()).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Head files are written on little-endian machines only.");
        }

        var file = new HeadFile
        {
            Format = FormatName,
            Version = FormatVersion,
            Task = Task,
            InputDimensions = InputDimensions,
            HiddenUnits = HiddenUnits,
            Labels = [.. Labels.Labels],
            Thresholds = _thresholds.Length > 0 ? _thresholds : null,
            Encoder = new HeadFileEncoder { Identity = EncoderIdentity, Source = EncoderSource },
            Options = Options,
            DevMetrics = _devMetrics.Count > 0 ? new Dictionary<string, double>(_devMetrics) : null,
            Training = Summary is null ? null : new HeadFileTraining
            {
                EpochsRun = Summary.EpochsRun,
                BestEpoch = Summary.BestEpoch,
                BestDevMetric = Summary.BestDevMetric,
                FinalTrainLoss = Summary.FinalTrainLoss,
                StoppedEarly = Summary.StoppedEarly,
                Seconds = Math.Round(Summary.Elapsed.TotalSeconds, 3),
            },
            Parameters = new HeadFileParameters
            {
                Count = _parameters.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(weights)),
                Float32LeBase64 = Convert.ToBase64String(weights),
            },
        };

        JsonSerializer.Serialize(stream, file, JsonOptions);
    }

    /// <summary>Writes the head to <paramref name="path"/> through a temporary file renamed into place.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, stream => Save(stream), createDirectory: true, flushToDisk: false);
    }

    /// <summary>Reads a head written by <see cref="Save(Stream)"/>. Never disposes <paramref name="stream"/>.</summary>
    /// <param name="stream">The head file's bytes.</param>
    /// <param name="name">A name for messages (the file path); default "(stream)".</param>
    /// <exception cref="InvalidDataException">
    /// Not a head file, truncated or corrupt, written by a newer version, or inconsistent (dimensions, counts, checksum).
    /// </exception>
    public static ClassificationHead Load(Stream stream, string name = "(stream)")
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        if (buffer.Length == 0)
        {
            throw new InvalidDataException($"{name}: the head file is empty.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{name}: not a complete head file: its JSON ends or breaks at line {e.LineNumber + 1}, byte {e.BytePositionInLine} (truncated or corrupt).", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out JsonElement format) || format.ValueKind != JsonValueKind.String
                || format.GetString() != FormatName)
            {
                throw new InvalidDataException($"{name}: not a head file: expected \"format\": \"{FormatName}\".");
            }

            if (!root.TryGetProperty("version", out JsonElement versionElement) || !versionElement.TryGetInt32(out int version) || version < 1)
            {
                throw new InvalidDataException($"{name}: expected a positive integer \"version\".");
            }

            if (version > FormatVersion)
            {
                throw new InvalidDataException(
                    $"{name}: head file format version {version} was written by a newer NlpTransfer; this build reads versions up to {FormatVersion}. Upgrade NlpTransfer.");
            }

            HeadFile file;
            try
            {
                file = root.Deserialize<HeadFile>(JsonOptions) ?? throw new InvalidDataException($"{name}: empty head file.");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{name}: malformed head file field ({e.Path}): {e.Message}", e);
            }

            return FromFile(file, name);
        }
    }

    /// <summary>Reads the head file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">See <see cref="Load(Stream, string)"/>.</exception>
    public static ClassificationHead Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Head file {path} not found.", path);
        }

        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    private static ClassificationHead FromFile(HeadFile file, string name)
    {
        if (file.InputDimensions <= 0 || file.HiddenUnits < 0 || file.Labels is null || file.Labels.Length == 0 || file.Parameters is null)
        {
            throw new InvalidDataException($"{name}: expected positive input_dimensions, non-negative hidden_units, labels and parameters.");
        }

        LabelMap labels;
        try
        {
            labels = LabelMap.FromLabels(file.Labels);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{name}: bad label map: {e.Message}", e);
        }

        var network = new HeadNetwork(file.InputDimensions, file.HiddenUnits, labels.Count);
        byte[] weights;
        try
        {
            weights = Convert.FromBase64String(file.Parameters.Float32LeBase64 ?? string.Empty);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{name}: parameters are not valid base64.", e);
        }

        if (file.Parameters.Count != network.ParameterCount || weights.Length != network.ParameterCount * sizeof(float))
        {
            throw new InvalidDataException(
                $"{name}: expected {network.ParameterCount} parameters for {file.InputDimensions} inputs, {file.HiddenUnits} hidden units and {labels.Count} classes, found {weights.Length / sizeof(float)}.");
        }

        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(weights)), file.Parameters.Sha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{name}: the parameters' SHA-256 does not match the one recorded; the file is corrupt.");
        }

        float[] parameters = MemoryMarshal.Cast<byte, float>(weights).ToArray();
        float[] thresholds = file.Thresholds ?? [];
        if (file.Task == HeadTask.MultiLabel && thresholds.Length != labels.Count)
        {
            throw new InvalidDataException($"{name}: expected {labels.Count} thresholds for a multi-label head, found {thresholds.Length}.");
        }

        TrainingOptions options = (file.Options ?? new TrainingOptions()) with { Task = file.Task, HiddenUnits = file.HiddenUnits };
        TrainingSummary? summary = file.Training is null ? null : new TrainingSummary(file.Training.EpochsRun, file.Training.BestEpoch,
            file.Training.BestDevMetric, file.Training.FinalTrainLoss, file.Training.StoppedEarly, TimeSpan.FromSeconds(file.Training.Seconds));
        return new ClassificationHead(file.Task, labels, network, parameters, thresholds, options, file.Encoder?.Identity,
            file.Encoder?.Source, file.DevMetrics ?? new Dictionary<string, double>(), summary);
    }

    private sealed class HeadFile
    {
        public string? Format { get; set; }

        public int Version { get; set; }

        public HeadTask Task { get; set; }

        public int InputDimensions { get; set; }

        public int HiddenUnits { get; set; }

        public string[]? Labels { get; set; }

        public float[]? Thresholds { get; set; }

        public HeadFileEncoder? Encoder { get; set; }

        public TrainingOptions? Options { get; set; }

        public Dictionary<string, double>? DevMetrics { get; set; }

        public HeadFileTraining? Training { get; set; }

        public HeadFileParameters? Parameters { get; set; }
    }

    private sealed class HeadFileEncoder
    {
        public string? Identity { get; set; }

        public string? Source { get; set; }
    }

    private sealed class HeadFileTraining
    {
        public int EpochsRun { get; set; }

        public int BestEpoch { get; set; }

        public double? BestDevMetric { get; set; }

        public double FinalTrainLoss { get; set; }

        public bool StoppedEarly { get; set; }

        public double Seconds { get; set; }
    }

    private sealed class HeadFileParameters
    {
        public int Count { get; set; }

        public string? Sha256 { get; set; }

        public string? Float32LeBase64 { get; set; }
    }
}
