namespace Corpus.Search.Patterns;

/// <summary>
/// The pattern rules users read in the README: a gap (<c>*</c>, <c>*N</c>) is up to N characters, a <c>?</c> exactly
/// one; neither runs across sentence-final punctuation or a paragraph break, so a match stays in one sentence.
/// <c>A NEAR/N B</c> is the two within N characters of each other, either order, inside one paragraph.
/// </summary>
public static class PatternSyntax
{
    public const int DefaultGap = 10;

    /// <summary>Past a sentence's length a gap says little; the cap also bounds the work of matching.</summary>
    public const int MaxGap = 50;

    public const int DefaultDistance = 10;

    public const int MaxDistance = 50;

    /// <summary>Gaps per pattern: each one multiplies the ways a match can be tried.</summary>
    public const int MaxGaps = 4;

    public const string NearOperator = "NEAR";

    /// <summary>
    /// Where a sentence ends, as characters of the folded text (full-width ！？ fold to ! ?): a gap or ? never takes
    /// one of these. The ASCII full stop is not among them: in this corpus it is a decimal point far more often.
    /// </summary>
    public const string SentenceEnds = "。｡!?…\n";
}
