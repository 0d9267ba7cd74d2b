namespace NlpTransfer.Embeddings;

/// <summary>Correct and incorrect answers of one section of an analogy file (or of a total over sections).</summary>
/// <param name="Name">The section name from its ": name" line, or "Total accuracy", "semantic", "syntactic".</param>
/// <param name="Correct">Questions whose prediction was the expected word.</param>
/// <param name="Incorrect">Evaluated questions with another prediction (with Dummy4Unknown, also unknown-word questions).</param>
public sealed record AnalogyEvaluationSection(string Name, int Correct, int Incorrect)
{
    /// <summary>Questions evaluated: Correct + Incorrect.</summary>
    public int Evaluated => Correct + Incorrect;

    /// <summary>Correct / (Correct + Incorrect); 0 when nothing was evaluated (as gensim).</summary>
    public double Accuracy => Evaluated == 0 ? 0.0 : (double)Correct / Evaluated;
}
