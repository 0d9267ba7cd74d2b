namespace NlpTransfer.Data;

/// <summary>
/// Which part of a hierarchical label such as TREC's <c>DESC:manner</c> (coarse class, separator, fine class) is kept.
/// Labels without the separator are kept whole whatever the level.
/// </summary>
public enum LabelLevel
{
    /// <summary>The label as written (<c>DESC:manner</c>).</summary>
    Full,

    /// <summary>The part before the first separator (<c>DESC</c>).</summary>
    Coarse,

    /// <summary>Two labels, the coarse one and the full one (<c>DESC</c> and <c>DESC:manner</c>): a multi-label view.</summary>
    CoarseAndFull,
}
