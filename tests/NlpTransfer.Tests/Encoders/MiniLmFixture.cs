using NlpTransfer.Encoders;
using NlpTransfer.Models.MiniLM;
using Xunit;

namespace NlpTransfer.Tests.Encoders;

/// <summary>One default MiniLM encoder shared by the encoder test classes (loading it takes about a second).</summary>
public sealed class MiniLmFixture : IDisposable
{
    public OnnxBertEncoder Encoder { get; } = MiniLmEncoder.Create();

    public void Dispose() => Encoder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class MiniLmCollection : ICollectionFixture<MiniLmFixture>
{
    public const string Name = "MiniLM";
}
