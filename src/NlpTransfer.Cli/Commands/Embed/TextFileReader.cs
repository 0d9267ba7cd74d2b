using System.Text.Json;

namespace NlpTransfer.Cli.Commands.Embed;

/// <summary>
/// Reads the texts of <c>nlpt embed</c>: .jsonl (a string field per line), .tsv (a header row naming the text column)
/// or, for any other extension, one text per line (empty lines are empty texts, so rows align with lines).
/// </summary>
internal sealed class TextFileReader
{
    private readonly string _path;
    private readonly string _column;
    private readonly string _format;

    private TextFileReader(string path, string column, string format)
    {
        _path = path;
        _column = column;
        _format = format;
    }

    public static TextFileReader Open(string path, string column)
    {
        var format = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" => "jsonl",
            ".tsv" => "tsv",
            _ => "lines",
        };
        return new TextFileReader(path, column, format);
    }

    /// <summary>Number of texts (lines, less the header of a TSV), for the progress bar.</summary>
    public int CountTexts()
    {
        var lines = 0;
        foreach (var line in File.ReadLines(_path))
        {
            if (_format == "lines" || line.Length > 0)
            {
                lines++;
            }
        }

        return _format == "tsv" ? Math.Max(0, lines - 1) : lines;
    }

    public IEnumerable<string> ReadTexts() => _format switch
    {
        "jsonl" => ReadJsonLines(),
        "tsv" => ReadTsv(),
        _ => File.ReadLines(_path),
    };

    private IEnumerable<string> ReadJsonLines()
    {
        var number = 0;
        foreach (var line in File.ReadLines(_path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            string? text;
            try
            {
                using var document = JsonDocument.Parse(line);
                text = document.RootElement.ValueKind == JsonValueKind.Object
                       && document.RootElement.TryGetProperty(_column, out var field)
                       && field.ValueKind == JsonValueKind.String
                    ? field.GetString()
                    : null;
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{_path}:{number}: not valid JSON ({e.Message})");
            }

            yield return text ?? throw new InvalidDataException($"{_path}:{number}: expected an object with a string field \"{_column}\"");
        }
    }

    private IEnumerable<string> ReadTsv()
    {
        var number = 0;
        var column = -1;
        var columns = 0;
        foreach (var line in File.ReadLines(_path))
        {
            number++;
            var fields = line.Split('\t');
            if (number == 1)
            {
                column = Array.IndexOf(fields, _column);
                columns = fields.Length;
                if (column < 0)
                {
                    throw new InvalidDataException($"{_path}:1: expected a header with a column \"{_column}\", found: {string.Join(", ", fields)}");
                }

                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            if (fields.Length != columns)
            {
                throw new InvalidDataException($"{_path}:{number}: expected {columns} tab-separated fields, found {fields.Length}");
            }

            yield return fields[column];
        }
    }
}
