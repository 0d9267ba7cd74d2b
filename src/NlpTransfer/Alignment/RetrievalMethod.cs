namespace NlpTransfer.Alignment;

/// <summary>How a mapped source word's translations are ranked among target words.</summary>
public enum RetrievalMethod
{
    /// <summary>Cosine similarity (nearest neighbour).</summary>
    NearestNeighbor,

    /// <summary>
    /// Cross-domain similarity local scaling (Conneau et al. 2018, eq. 6): CSLS(Wx, y) = 2 cos(Wx, y) − r_T(Wx) − r_S(y),
    /// where r_T(Wx) is the mean cosine of Wx to its K nearest target words and r_S(y) the mean cosine of y to its K
    /// nearest mapped source words. Penalises hubs: target words close to everything.
    /// </summary>
    Csls,
}
