namespace NlpTransfer.Alignment;

/// <summary>
/// The k best (score, index) pairs kept for each of many rows, best first; equal scores keep the lower index first.
/// Entries not yet filled hold −∞ and index −1.
/// </summary>
internal sealed class TopKState
{
    public TopKState(int rows, int k)
    {
        Rows = rows;
        K = k;
        Values = new float[(long)rows * k];
        Indices = new int[(long)rows * k];
        Thresholds = new float[rows];
        Array.Fill(Values, float.NegativeInfinity);
        Array.Fill(Indices, -1);
        Array.Fill(Thresholds, float.NegativeInfinity);
    }

    public int Rows { get; }

    public int K { get; }

    /// <summary>Rows × K scores, each row's best first.</summary>
    public float[] Values { get; }

    /// <summary>Rows × K indices parallel to <see cref="Values"/>.</summary>
    public int[] Indices { get; }

    /// <summary>The weakest kept score of each row: a candidate must beat it to enter.</summary>
    public float[] Thresholds { get; }

    /// <summary>Inserts a candidate known to beat the row's threshold (or to tie it with a lower index).</summary>
    public void Insert(int row, float value, int index)
    {
        int start = row * K;
        int position = K - 1;
        while (position > 0 && Better(value, index, Values[start + position - 1], Indices[start + position - 1]))
        {
            Values[start + position] = Values[start + position - 1];
            Indices[start + position] = Indices[start + position - 1];
            position--;
        }

        Values[start + position] = value;
        Indices[start + position] = index;
        Thresholds[row] = Values[start + K - 1];
    }

    /// <summary>Merges <paramref name="other"/> (same shape) into this state.</summary>
    public void Merge(TopKState other)
    {
        for (int row = 0; row < Rows; row++)
        {
            int start = row * K;
            for (int i = 0; i < K; i++)
            {
                float value = other.Values[start + i];
                int index = other.Indices[start + i];
                if (index < 0)
                {
                    break;
                }

                if (Better(value, index, Values[start + K - 1], Indices[start + K - 1]) || Indices[start + K - 1] < 0)
                {
                    Insert(row, value, index);
                }
            }
        }
    }

    /// <summary>The mean of the filled scores of <paramref name="row"/> (NaN when none).</summary>
    public float Mean(int row)
    {
        int start = row * K;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < K && Indices[start + i] >= 0; i++)
        {
            sum += Values[start + i];
            count++;
        }

        return count == 0 ? float.NaN : (float)(sum / count);
    }

    private static bool Better(float value, int index, float otherValue, int otherIndex) =>
        value > otherValue || (value == otherValue && (uint)index < (uint)otherIndex);
}
