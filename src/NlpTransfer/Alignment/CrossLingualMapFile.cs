using System.Text.Json;
using System.Text.Json.Serialization;

namespace NlpTransfer.Alignment;

/// <summary>The JSON layout of a map file (format <c>nlpt-crosslingual-map</c>, version 1).</summary>
internal sealed class CrossLingualMapFile
{
    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? Format { get; set; }

    public int Version { get; set; }

    public int Dimensions { get; set; }

    public string[]? Normalization { get; set; }

    public VectorsFingerprint? Source { get; set; }

    public VectorsFingerprint? Target { get; set; }

    public float[][]? SourceCenterMeans { get; set; }

    public float[][]? TargetCenterMeans { get; set; }

    public int TrainingPairs { get; set; }

    public int RefinementIterations { get; set; }

    public string? CreatedBy { get; set; }

    public double[][]? W { get; set; }
}
