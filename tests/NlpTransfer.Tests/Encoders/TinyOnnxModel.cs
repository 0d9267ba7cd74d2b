using System.Text;

namespace NlpTransfer.Tests.Encoders;

/// <summary>
/// Writes minimal ONNX models (protobuf by hand): one Identity node from a float input to a float output, so that
/// tests can feed the encoder a valid model that lacks the inputs it needs.
/// </summary>
internal static class TinyOnnxModel
{
    public static byte[] Identity(string inputName, string outputName)
    {
        var node = Concat(Str(1, inputName), Str(2, outputName), Str(4, "Identity"));
        var graph = Concat(
            Msg(1, node),
            Str(2, "tiny"),
            Msg(11, ValueInfo(inputName)),
            Msg(12, ValueInfo(outputName)));
        var opset = Concat(Str(1, string.Empty), Varint(2, 13));
        return Concat(Varint(1, 8), Msg(7, graph), Msg(8, opset));
    }

    private static byte[] ValueInfo(string name)
    {
        var dim = Varint(1, 1);
        var shape = Msg(1, dim);
        var tensorType = Concat(Varint(1, 1), Msg(2, shape));
        var type = Msg(1, tensorType);
        return Concat(Str(1, name), Msg(2, type));
    }

    private static byte[] Str(int field, string value) => Msg(field, Encoding.UTF8.GetBytes(value));

    private static byte[] Msg(int field, byte[] payload) => Concat(Raw((ulong)((field << 3) | 2)), Raw((ulong)payload.Length), payload);

    private static byte[] Varint(int field, ulong value) => Concat(Raw((ulong)(field << 3)), Raw(value));

    private static byte[] Raw(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return bytes.ToArray();
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
