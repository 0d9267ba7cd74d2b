namespace NlpTransfer.Text;

/// <summary>One word piece: its vocabulary id and the characters of the ORIGINAL text it came from.</summary>
/// <param name="Id">Vocabulary id (0-based line of vocab.txt).</param>
/// <param name="Start">Index of the first original character (UTF-16 code unit) the piece covers.</param>
/// <param name="Length">Number of original characters covered. Pieces of one character (a Hangul syllable gives
/// several jamo pieces) share its span; characters dropped by normalisation (accents, controls) count towards the
/// piece before them in the same word.</param>
public readonly record struct WordPieceToken(int Id, int Start, int Length);
