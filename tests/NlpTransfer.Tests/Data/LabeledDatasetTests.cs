using System.Text;
using FluentAssertions;
using NlpTransfer.Data;
using Xunit;

namespace NlpTransfer.Tests.Data;

public sealed class LabeledDatasetTests
{
    private static string Write(string name, string content)
    {
        string folder = Directory.CreateTempSubdirectory("nlpt-data").FullName;
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void Read_Jsonl_ReadsStringNumberAndListLabels()
    {
        string path = Write("d.jsonl", "{\"text\": \"good film\", \"label\": \"pos\"}\n{\"text\": \"bad\", \"label\": 0}\n\n{\"text\": \"both\", \"label\": [\"a\", \"b\"]}\n");

        LabeledDataset data = LabeledDataset.Read(path);

        data.Format.Should().Be(DatasetFormat.Jsonl);
        data.Examples.Select(e => e.Text).Should().Equal("good film", "bad", "both");
        data.Examples[1].Labels.Should().Equal("0");
        data.Examples[2].Labels.Should().Equal("a", "b");
        data.Examples[2].Line.Should().Be(4);
    }

    [Fact]
    public void Read_CsvWithHeaderAndQuotes_ReadsNamedColumns()
    {
        string path = Write("d.csv", "id,review,sentiment\n1,\"Great, really \"\"great\"\"\",pos\n2,\"two\nlines\",neg\n");

        LabeledDataset data = LabeledDataset.Read(path, new DatasetReadOptions { TextColumn = "review", LabelColumn = "sentiment" });

        data.Examples.Select(e => e.Text).Should().Equal("Great, really \"great\"", "two\nlines");
        data.Examples.Select(e => e.Labels[0]).Should().Equal("pos", "neg");
        data.Examples[1].Line.Should().Be(3);
    }

    [Fact]
    public void Read_TsvWithHeader_IsDetectedFromTheHeader()
    {
        string path = Write("d.tsv", "label\ttext\npos\tnice\nneg\tawful\n");

        LabeledDataset data = LabeledDataset.Read(path);

        data.Format.Should().Be(DatasetFormat.Tsv);
        data.Examples.Select(e => (e.Text, e.Labels[0])).Should().Equal(("nice", "pos"), ("awful", "neg"));
    }

    [Fact]
    public void Read_HeaderlessTsv_TakesLabelAfterLastTabAndKeepsU0085InsideLines()
    {
        // The UCI imdb file holds U+0085 (NEXT LINE) inside texts: only \n ends a line.
        string path = Write("imdb.txt", "A slow movie.  \t0\nGreat\u0085acting here.\t1\n");

        LabeledDataset data = LabeledDataset.Read(path);

        data.Format.Should().Be(DatasetFormat.TsvNoHeader);
        data.Count.Should().Be(2);
        data.Examples[1].Text.Should().Be("Great\u0085acting here.");
        data.Examples[1].Labels.Should().Equal("1");
        data.Examples[1].Line.Should().Be(2);
    }

    [Fact]
    public void Read_HeaderlessTsvWithIndices_UsesTheGivenColumns()
    {
        string path = Write("d.tsv", "7\tSports\tThe match\n");

        LabeledDataset data = LabeledDataset.Read(path, new DatasetReadOptions { Format = DatasetFormat.TsvNoHeader, TextColumn = "2", LabelColumn = "1" });

        data.Examples[0].Should().BeEquivalentTo(new LabeledExample("The match", ["Sports"], 1));
    }

    [Fact]
    public void Read_FastTextFormat_ReadsSeveralLabels()
    {
        string path = Write("d.txt", "__label__pos __label__short fine film\n__label__neg dull\n");

        LabeledDataset data = LabeledDataset.Read(path);

        data.Format.Should().Be(DatasetFormat.FastText);
        data.Examples[0].Labels.Should().Equal("pos", "short");
        data.Examples[0].Text.Should().Be("fine film");
    }

    [Theory]
    [InlineData(LabelLevel.Full, new[] { "DESC:manner" })]
    [InlineData(LabelLevel.Coarse, new[] { "DESC" })]
    [InlineData(LabelLevel.CoarseAndFull, new[] { "DESC", "DESC:manner" })]
    public void Read_LabelTextWithTrecLabels_KeepsTheAskedLevel(LabelLevel level, string[] expected)
    {
        string path = Write("trec.txt", "DESC:manner How did serfdom develop ?\n");

        LabeledDataset data = LabeledDataset.Read(path, new DatasetReadOptions { LabelLevel = level });

        data.Format.Should().Be(DatasetFormat.LabelText);
        data.Examples[0].Labels.Should().Equal(expected);
        data.Examples[0].Text.Should().Be("How did serfdom develop ?");
    }

    [Fact]
    public void Read_MalformedRow_ThrowsNamingFileAndLine()
    {
        string path = Write("bad.jsonl", "{\"text\": \"ok\", \"label\": \"a\"}\n{\"text\": \"no label\"}\n");

        Action act = () => LabeledDataset.Read(path);

        act.Should().Throw<InvalidDataException>().WithMessage($"{path}:2: expected a property \"label\"*");
    }

    [Fact]
    public void Read_MalformedRowsWithSkip_CountsAndReportsThem()
    {
        string path = Write("bad.txt", "1 fine\nnospace\n0 bad\n1\n");

        LabeledDataset data = LabeledDataset.Read(path, new DatasetReadOptions { Format = DatasetFormat.LabelText, SkipBadRows = true });

        data.Count.Should().Be(2);
        data.SkippedRows.Should().Be(2);
        data.Problems.Should().HaveCount(2);
        data.Problems[0].Should().StartWith($"{path}:2: ");
    }

    [Fact]
    public void Read_CsvWithoutTheNamedColumns_Throws()
    {
        string path = Write("d.csv", "a,b\n1,2\n");

        Action act = () => LabeledDataset.Read(path);

        act.Should().Throw<InvalidDataException>().WithMessage($"{path}:1: expected a header naming the text column \"text\"*");
    }

    [Fact]
    public void Read_SameBytes_GiveTheSameSha256()
    {
        string a = Write("a.txt", "1 x\n");
        string b = Write("b.txt", "1 x\n");
        string c = Write("c.txt", "1 y\n");

        LabeledDataset.Read(a).Sha256.Should().Be(LabeledDataset.Read(b).Sha256).And.HaveLength(64);
        LabeledDataset.Read(c).Sha256.Should().NotBe(LabeledDataset.Read(a).Sha256);
    }

    [Fact]
    public void Read_MissingFile_ThrowsFileNotFound()
    {
        Action act = () => LabeledDataset.Read("/nonexistent/x.jsonl");

        act.Should().Throw<FileNotFoundException>().WithMessage("*x.jsonl*");
    }
}
