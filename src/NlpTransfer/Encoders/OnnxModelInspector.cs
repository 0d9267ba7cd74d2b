using System.Text;

namespace NlpTransfer.Encoders;

/// <summary>
/// Reads the few facts ONNX Runtime does not expose from an ONNX model's protobuf bytes: the row counts of the word
/// and position embedding tables. A minimal wire-format walk (ModelProto.graph = 7, GraphProto.node = 1 and
/// initializer = 5, NodeProto.input = 1 and op_type = 4, TensorProto.dims = 1 and name = 8); unknown fields are skipped.
/// </summary>
internal static class OnnxModelInspector
{
    /// <summary>The facts found; a null member was not found (the encoder then skips the check it serves).</summary>
    internal readonly record struct ModelFacts(long? WordEmbeddingRows, long? PositionEmbeddingRows);

    /// <summary>Inspects <paramref name="model"/>; never throws on malformed bytes (returns what it found).</summary>
    public static ModelFacts Inspect(ReadOnlySpan<byte> model, string inputIdsName)
    {
        try
        {
            return InspectCore(model, inputIdsName);
        }
        catch (FormatException)
        {
            return default;
        }
    }

    private static ModelFacts InspectCore(ReadOnlySpan<byte> model, string inputIdsName)
    {
        var graph = FindField(model, 7);
        if (graph.IsEmpty)
        {
            return default;
        }

        var initializerRows = new Dictionary<string, long>(StringComparer.Ordinal);
        var gathers = new List<(string Data, string Indices)>();
        var reader = new Reader(graph);
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == 5 && wire == 2)
            {
                var (name, firstDim, rank) = ReadTensorHeader(reader.ReadBytes());
                if (name is not null && rank == 2)
                {
                    initializerRows[name] = firstDim;
                }
            }
            else if (field == 1 && wire == 2)
            {
                var node = ReadNode(reader.ReadBytes());
                if (node.OpType == "Gather" && node.Inputs.Count >= 2)
                {
                    gathers.Add((node.Inputs[0], node.Inputs[1]));
                }
            }
            else
            {
                reader.Skip(wire);
            }
        }

        long? words = null;
        foreach (var (data, indices) in gathers)
        {
            if (indices == inputIdsName && initializerRows.TryGetValue(data, out var rows))
            {
                words = rows;
            }
        }

        words ??= FindByName(initializerRows, "word_embeddings");
        return new ModelFacts(words, FindByName(initializerRows, "position_embeddings"));
    }

    private static long? FindByName(Dictionary<string, long> initializers, string fragment)
    {
        foreach (var (name, rows) in initializers)
        {
            if (name.Contains(fragment, StringComparison.Ordinal))
            {
                return rows;
            }
        }

        return null;
    }

    private static (string? Name, long FirstDim, int Rank) ReadTensorHeader(ReadOnlySpan<byte> tensor)
    {
        string? name = null;
        long firstDim = -1;
        var rank = 0;
        var reader = new Reader(tensor);
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == 1 && wire == 0)
            {
                var dim = (long)reader.ReadVarint();
                if (rank++ == 0)
                {
                    firstDim = dim;
                }
            }
            else if (field == 1 && wire == 2)
            {
                var packed = new Reader(reader.ReadBytes());
                while (!packed.AtEnd)
                {
                    var dim = (long)packed.ReadVarint();
                    if (rank++ == 0)
                    {
                        firstDim = dim;
                    }
                }
            }
            else if (field == 8 && wire == 2)
            {
                name = Encoding.UTF8.GetString(reader.ReadBytes());
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return (name, firstDim, rank);
    }

    private static (string? OpType, List<string> Inputs) ReadNode(ReadOnlySpan<byte> node)
    {
        string? opType = null;
        var inputs = new List<string>(2);
        var reader = new Reader(node);
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == 1 && wire == 2)
            {
                inputs.Add(Encoding.UTF8.GetString(reader.ReadBytes()));
            }
            else if (field == 4 && wire == 2)
            {
                opType = Encoding.UTF8.GetString(reader.ReadBytes());
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return (opType, inputs);
    }

    private static ReadOnlySpan<byte> FindField(ReadOnlySpan<byte> message, int wanted)
    {
        var reader = new Reader(message);
        while (reader.TryReadTag(out var field, out var wire))
        {
            if (field == wanted && wire == 2)
            {
                return reader.ReadBytes();
            }

            reader.Skip(wire);
        }

        return default;
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public readonly bool AtEnd => _position >= _data.Length;

        public bool TryReadTag(out int field, out int wire)
        {
            if (AtEnd)
            {
                field = 0;
                wire = 0;
                return false;
            }

            var tag = ReadVarint();
            field = (int)(tag >> 3);
            wire = (int)(tag & 7);
            return true;
        }

        public ulong ReadVarint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                if (_position >= _data.Length)
                {
                    throw new FormatException("truncated varint");
                }

                var b = _data[_position++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new FormatException("varint too long");
        }

        public ReadOnlySpan<byte> ReadBytes()
        {
            var length = ReadVarint();
            if (length > (ulong)(_data.Length - _position))
            {
                throw new FormatException("length past the end");
            }

            var slice = _data.Slice(_position, (int)length);
            _position += (int)length;
            return slice;
        }

        public void Skip(int wire)
        {
            switch (wire)
            {
                case 0: ReadVarint(); break;
                case 1: Advance(8); break;
                case 2: ReadBytes(); break;
                case 5: Advance(4); break;
                default: throw new FormatException($"wire type {wire}");
            }
        }

        private void Advance(int count)
        {
            if (count > _data.Length - _position)
            {
                throw new FormatException("field past the end");
            }

            _position += count;
        }
    }
}
