using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Models.MiniLM;
using Spectre.Console;
using Xunit;

namespace NlpTransfer.Tests.Cli;

public sealed class EmbedCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nlpt-embed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Embed_LinesToNpy_WritesOneUnitRowPerLineEqualToTheEncoder()
    {
        // Arrange
        var input = Write("in.txt", "one long string of cliches .\n\nthe best film of the year\n");
        var output = Path.Combine(_folder, "out.npy");

        // Act
        var (code, stdout, _) = Run("embed", "--input", input, "--output", output);

        // Assert
        code.Should().Be(CliApp.Success);
        stdout.Should().Contain("3 texts");
        var bytes = File.ReadAllBytes(output);
        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        Encoding.ASCII.GetString(bytes, 10, headerLength).Should().Contain("'descr': '<f4'").And.Contain("'shape': (3, 384)");
        var rows = Floats(bytes, 10 + headerLength, 3 * 384);
        using var encoder = MiniLmEncoder.Create();
        rows.AsSpan(2 * 384, 384).ToArray().Should().Equal(encoder.Encode("the best film of the year"), (a, e) => Math.Abs(a - e) < 1e-5f);
        rows.AsSpan(384, 384).ToArray().Should().Equal(encoder.Encode(string.Empty), (a, e) => Math.Abs(a - e) < 1e-5f);
    }

    [Fact]
    public void Embed_JsonlToJsonlWithJsonReport_PrintsOneObjectAndWritesIndexedVectors()
    {
        // Arrange
        var input = Write("in.jsonl", "{\"text\": \"good\", \"label\": 1}\n{\"text\": \"bad\", \"label\": 0}\n");
        var output = Path.Combine(_folder, "out.jsonl");

        // Act
        var (code, stdout, _) = Run("embed", "--input", input, "--output", output, "--pooling", "max", "--no-normalize", "--json");

        // Assert
        code.Should().Be(CliApp.Success);
        using var report = JsonDocument.Parse(stdout);
        report.RootElement.GetProperty("texts").GetInt32().Should().Be(2);
        report.RootElement.GetProperty("dimensions").GetInt32().Should().Be(384);
        report.RootElement.GetProperty("encoder").GetString().Should().StartWith("all-minilm-l6-v2/max/unnormalized/");
        var lines = File.ReadAllLines(output);
        lines.Should().HaveCount(2);
        using var second = JsonDocument.Parse(lines[1]);
        second.RootElement.GetProperty("index").GetInt32().Should().Be(1);
        second.RootElement.GetProperty("vector").GetArrayLength().Should().Be(384);
    }

    [Fact]
    public void Embed_TsvToF32_WritesHeaderWithRowsDimensionsAndIdentity()
    {
        // Arrange
        var input = Write("in.tsv", "label\tsentence\n1\tgood\n0\tbad\n1\tfine\n");
        var output = Path.Combine(_folder, "out.f32");

        // Act
        var (code, _, _) = Run("embed", "--input", input, "--output", output, "--text-column", "sentence");

        // Assert
        code.Should().Be(CliApp.Success);
        var bytes = File.ReadAllBytes(output);
        Encoding.ASCII.GetString(bytes, 0, 8).Should().Be("NLPTF32\n");
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12)).Should().Be(3u);
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)).Should().Be(384u);
        var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(20));
        var identityLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24));
        Encoding.UTF8.GetString(bytes, 28, identityLength).Should().Be("all-minilm-l6-v2/mean/normalized/truncate-256@sha256:4a64cee3d4134bbd");
        (offset % 64).Should().Be(0);
        bytes.Length.Should().Be(offset + 3 * 384 * 4);
    }

    [Fact]
    public void Embed_MissingInput_ExitsOneNamingFile()
    {
        // Arrange
        var input = Path.Combine(_folder, "absent.txt");

        // Act
        var (code, _, stderr) = Run("embed", "--input", input, "--output", Path.Combine(_folder, "out.npy"));

        // Assert
        code.Should().Be(CliApp.BadInput);
        stderr.Should().Contain($"{input}: input file not found");
    }

    [Fact]
    public void Embed_BadJsonLine_ExitsOneNamingFileAndLineAndLeavesNoOutput()
    {
        // Arrange
        var input = Write("in.jsonl", "{\"text\": \"good\"}\n{\"txt\": \"bad\"}\n");
        var output = Path.Combine(_folder, "out.jsonl");

        // Act
        var (code, _, stderr) = Run("embed", "--input", input, "--output", output);

        // Assert
        code.Should().Be(CliApp.BadInput);
        stderr.Should().Contain($"{input}:2: expected an object with a string field \"text\"");
        Directory.GetFiles(_folder).Should().BeEquivalentTo([input]);
    }

    [Fact]
    public void Embed_ModelWithoutVocab_ExitsTwo()
    {
        // Act
        var (code, _, stderr) = Run("embed", "--model", "m.onnx", "--input", "a.txt", "--output", "b.npy");

        // Assert
        code.Should().Be(CliApp.UsageError);
        stderr.Should().Contain("--model and --vocab go together");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static float[] Floats(byte[] bytes, int offset, int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset + 4 * i));
        }

        return values;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr), Interactive = InteractionSupport.No });
        var code = CliApp.Run(args, new CliIO(stdout, stderr, console));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
