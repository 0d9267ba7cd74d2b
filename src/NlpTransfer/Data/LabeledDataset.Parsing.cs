using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NlpTransfer.Data;

public sealed partial class LabeledDataset
{
    /// <summary>Collects examples and applies the bad-row policy and the label level.</summary>
    private sealed class RowSink(string path, DatasetReadOptions options)
    {
        public List<LabeledExample> Examples { get; } = [];

        public List<string> Problems { get; } = [];

        public int Skipped { get; private set; }

        public string Path => path;

        public DatasetReadOptions Options => options;

        public void Add(string text, IReadOnlyList<string> rawLabels, int line)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                Bad(line, "expected a non-empty text, found none");
                return;
            }

            var labels = new List<string>(rawLabels.Count * 2);
            foreach (string raw in rawLabels)
            {
                string label = raw.Trim();
                if (label.Length == 0)
                {
                    Bad(line, "expected a non-empty label, found an empty one");
                    return;
                }

                int cut = label.IndexOf(options.LabelLevelSeparator);
                switch (options.LabelLevel)
                {
                    case LabelLevel.Coarse when cut > 0:
                        AddDistinct(labels, label[..cut]);
                        break;
                    case LabelLevel.CoarseAndFull when cut > 0:
                        AddDistinct(labels, label[..cut]);
                        AddDistinct(labels, label);
                        break;
                    default:
                        AddDistinct(labels, label);
                        break;
                }
            }

            Examples.Add(new LabeledExample(text, labels, line));
        }

        public void Bad(int line, string problem)
        {
            string message = $"{path}:{line}: {problem}";
            if (!options.SkipBadRows)
            {
                throw new InvalidDataException(message);
            }

            Skipped++;
            if (Problems.Count < MaxKeptProblems)
            {
                Problems.Add(message);
            }
        }

        private void AddDistinct(List<string> labels, string label)
        {
            if (options.LabelNames is not null && options.LabelNames.TryGetValue(label, out string? renamed))
            {
                label = renamed;
            }

            if (!labels.Contains(label))
            {
                labels.Add(label);
            }
        }
    }

    /// <summary>Calls <paramref name="onLine"/> for every non-blank line (1-based number, text without the line break).</summary>
    private static void ForEachLine(string content, Action<int, string> onLine)
    {
        int start = 0;
        int number = 0;
        while (start < content.Length)
        {
            int end = content.IndexOf('\n', start);
            if (end < 0)
            {
                end = content.Length;
            }

            number++;
            int stop = end > start && content[end - 1] == '\r' ? end - 1 : end;
            string line = content[start..stop];
            if (!string.IsNullOrWhiteSpace(line))
            {
                onLine(number, line);
            }

            start = end + 1;
        }
    }

    private static void ParseJsonl(string content, RowSink sink)
    {
        string textName = sink.Options.TextColumn;
        string labelName = sink.Options.LabelColumn;
        ForEachLine(content, (number, line) =>
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                sink.Bad(number, $"expected one JSON object, found invalid JSON ({e.Message})");
                return;
            }

            using (document)
            {
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    sink.Bad(number, $"expected a JSON object, found {root.ValueKind}");
                    return;
                }

                if (!root.TryGetProperty(textName, out JsonElement text) || text.ValueKind != JsonValueKind.String)
                {
                    sink.Bad(number, $"expected a string property \"{textName}\"");
                    return;
                }

                if (!root.TryGetProperty(labelName, out JsonElement label))
                {
                    sink.Bad(number, $"expected a property \"{labelName}\" (a string, number or list)");
                    return;
                }

                var labels = new List<string>();
                if (label.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement item in label.EnumerateArray())
                    {
                        if (!TryLabel(item, out string? value))
                        {
                            sink.Bad(number, $"expected labels as strings or numbers, found {item.ValueKind}");
                            return;
                        }

                        labels.Add(value);
                    }
                }
                else if (TryLabel(label, out string? single))
                {
                    labels.Add(single);
                }
                else
                {
                    sink.Bad(number, $"expected \"{labelName}\" as a string, number or list, found {label.ValueKind}");
                    return;
                }

                sink.Add(text.GetString()!, labels, number);
            }
        });
    }

    private static bool TryLabel(JsonElement element, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return value is not null;
    }

    private static void ParseDelimited(string content, char delimiter, bool quoted, RowSink sink)
    {
        int textIndex = -1;
        int labelIndex = -1;
        int columns = 0;
        bool headerSeen = false;
        foreach ((int line, List<string> fields) in SplitRecords(content, delimiter, quoted, sink))
        {
            if (!headerSeen)
            {
                headerSeen = true;
                columns = fields.Count;
                textIndex = fields.IndexOf(sink.Options.TextColumn);
                labelIndex = fields.IndexOf(sink.Options.LabelColumn);
                if (textIndex < 0 || labelIndex < 0)
                {
                    throw new InvalidDataException(
                        $"{sink.Path}:{line}: expected a header naming the text column \"{sink.Options.TextColumn}\" and the label column \"{sink.Options.LabelColumn}\", found [{string.Join(", ", fields)}]");
                }

                continue;
            }

            if (fields.Count != columns)
            {
                sink.Bad(line, $"expected {columns} fields, found {fields.Count}");
                continue;
            }

            sink.Add(fields[textIndex], SplitLabels(fields[labelIndex], sink.Options.LabelSeparator), line);
        }
    }

    private static IReadOnlyList<string> SplitLabels(string cell, char? separator) =>
        separator is char s ? cell.Split(s, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [cell];

    /// <summary>Splits delimited records; with <paramref name="quoted"/>, RFC 4180 quotes (which may span lines).</summary>
    private static IEnumerable<(int Line, List<string> Fields)> SplitRecords(string content, char delimiter, bool quoted, RowSink sink)
    {
        int position = 0;
        int line = 1;
        while (position < content.Length)
        {
            int recordLine = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            bool inQuotes = false;
            bool blank = true;
            while (position < content.Length)
            {
                char c = content[position++];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (position < content.Length && content[position] == '"')
                        {
                            field.Append('"');
                            position++;
                        }
                        else
                        {
                            inQuotes = false;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                    }

                    continue;
                }

                if (c == '\n')
                {
                    line++;
                    break;
                }

                if (c == '\r' && (position >= content.Length || content[position] == '\n'))
                {
                    continue;
                }

                blank = blank && char.IsWhiteSpace(c);
                if (c == delimiter)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (quoted && c == '"' && field.Length == 0)
                {
                    inQuotes = true;
                    blank = false;
                }
                else
                {
                    field.Append(c);
                }
            }

            if (inQuotes)
            {
                sink.Bad(recordLine, "expected a closing quote, found the end of the file");
                yield break;
            }

            fields.Add(field.ToString());
            if (!blank || fields.Count > 1)
            {
                yield return (recordLine, fields);
            }
        }
    }

    private static void ParseHeaderlessTsv(string content, RowSink sink)
    {
        bool defaults = sink.Options.TextColumn == "text" && sink.Options.LabelColumn == "label";
        int textIndex = defaults ? 0 : ParseIndex(sink.Options.TextColumn, "text");
        int labelIndex = defaults ? -1 : ParseIndex(sink.Options.LabelColumn, "label");
        ForEachLine(content, (number, line) =>
        {
            if (defaults)
            {
                // AG News / UCI layout: the label follows the last tab, the text is everything before it.
                int tab = line.LastIndexOf('\t');
                if (tab < 0)
                {
                    sink.Bad(number, "expected text<TAB>label, found no tab");
                    return;
                }

                sink.Add(line[..tab], SplitLabels(line[(tab + 1)..], sink.Options.LabelSeparator), number);
                return;
            }

            string[] fields = line.Split('\t');
            int t = textIndex < 0 ? fields.Length + textIndex : textIndex;
            int l = labelIndex < 0 ? fields.Length + labelIndex : labelIndex;
            if (t < 0 || l < 0 || t >= fields.Length || l >= fields.Length || t == l)
            {
                sink.Bad(number, $"expected text in column {textIndex} and label in column {labelIndex}, found {fields.Length} columns");
                return;
            }

            sink.Add(fields[t], SplitLabels(fields[l], sink.Options.LabelSeparator), number);
        });
    }

    private static int ParseIndex(string column, string what) =>
        int.TryParse(column, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int index)
            ? index
            : throw new ArgumentException(
                $"A headerless TSV file addresses columns by 0-based index; the {what} column \"{column}\" is not a number.");

    private static void ParseFastText(string content, RowSink sink)
    {
        const string Prefix = "__label__";
        ForEachLine(content, (number, line) =>
        {
            var labels = new List<string>(1);
            int position = 0;
            while (true)
            {
                while (position < line.Length && char.IsWhiteSpace(line[position]))
                {
                    position++;
                }

                if (string.CompareOrdinal(line, position, Prefix, 0, Prefix.Length) != 0)
                {
                    break;
                }

                int end = position;
                while (end < line.Length && !char.IsWhiteSpace(line[end]))
                {
                    end++;
                }

                labels.Add(line[(position + Prefix.Length)..end]);
                position = end;
            }

            if (labels.Count == 0)
            {
                sink.Bad(number, "expected at least one __label__ token at the start of the line, found none");
                return;
            }

            sink.Add(line[position..].TrimEnd(), labels, number);
        });
    }

    private static void ParseLabelText(string content, RowSink sink)
    {
        ForEachLine(content, (number, line) =>
        {
            int space = line.IndexOf(' ');
            if (space <= 0)
            {
                sink.Bad(number, "expected 'label text' (a label, one space, the text), found no space after a label");
                return;
            }

            sink.Add(line[(space + 1)..], [line[..space]], number);
        });
    }
}
