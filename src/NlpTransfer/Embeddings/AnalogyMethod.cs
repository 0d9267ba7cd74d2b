namespace NlpTransfer.Embeddings;

/// <summary>How an analogy "a is to b as c is to ?" is answered.</summary>
public enum AnalogyMethod
{
    /// <summary>
    /// 3CosAdd (Mikolov et al. 2013): the words nearest by cosine to unit(b̂ − â + ĉ), where x̂ is the unit vector of x.
    /// </summary>
    Add = 0,

    /// <summary>
    /// 3CosMul (Levy &amp; Goldberg 2014, eq. 4): argmax over x of cos'(x, b) · cos'(x, c) / (cos'(x, a) + ε), with
    /// cosines shifted to [0, 1] by cos' = (1 + cos) / 2 (their footnote 7) and ε = 10⁻⁶.
    /// </summary>
    Multiply = 1,
}
