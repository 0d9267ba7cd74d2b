namespace NlpTransfer.Numerics;

/// <summary>Selection of the k largest scores without sorting the whole array.</summary>
internal static class TopK
{
    /// <summary>
    /// Writes the indices and values of the <c>min(k, scores.Length)</c> largest scores, in descending order of
    /// score; equal scores are ordered by ascending index. Returns the count written. NaN scores are never selected.
    /// </summary>
    public static int Select(ReadOnlySpan<float> scores, Span<int> indices, Span<float> values)
    {
        int k = Math.Min(Math.Min(indices.Length, values.Length), scores.Length);
        if (k == 0)
        {
            return 0;
        }

        // A min-heap of the best k seen so far; its root is the weakest kept entry.
        int count = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            float s = scores[i];
            if (float.IsNaN(s))
            {
                continue;
            }

            if (count < k)
            {
                indices[count] = i;
                values[count] = s;
                SiftUp(indices, values, count++);
            }
            else if (Better(s, i, values[0], indices[0]))
            {
                indices[0] = i;
                values[0] = s;
                SiftDown(indices, values, count);
            }
        }

        // Heap-sort in place: repeatedly move the weakest to the end, giving descending order.
        for (int end = count - 1; end > 0; end--)
        {
            (indices[0], indices[end]) = (indices[end], indices[0]);
            (values[0], values[end]) = (values[end], values[0]);
            SiftDown(indices, values, end);
        }

        return count;
    }

    // "a beats b": higher score, or equal score and lower index.
    private static bool Better(float aScore, int aIndex, float bScore, int bIndex) =>
        aScore > bScore || (aScore == bScore && aIndex < bIndex);

    private static void SiftUp(Span<int> indices, Span<float> values, int node)
    {
        while (node > 0)
        {
            int parent = (node - 1) / 2;
            if (!Better(values[parent], indices[parent], values[node], indices[node]))
            {
                break;
            }

            (indices[parent], indices[node]) = (indices[node], indices[parent]);
            (values[parent], values[node]) = (values[node], values[parent]);
            node = parent;
        }
    }

    private static void SiftDown(Span<int> indices, Span<float> values, int size)
    {
        int node = 0;
        while (true)
        {
            int left = 2 * node + 1;
            if (left >= size)
            {
                return;
            }

            int weakest = left;
            int right = left + 1;
            if (right < size && Better(values[left], indices[left], values[right], indices[right]))
            {
                weakest = right;
            }

            if (!Better(values[node], indices[node], values[weakest], indices[weakest]))
            {
                return;
            }

            (indices[node], indices[weakest]) = (indices[weakest], indices[node]);
            (values[node], values[weakest]) = (values[weakest], values[node]);
            node = weakest;
        }
    }
}
