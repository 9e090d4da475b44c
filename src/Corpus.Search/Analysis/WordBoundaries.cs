namespace Corpus.Search.Analysis;

/// <summary>A word's place in a text: chars [Start, End).</summary>
internal readonly record struct WordSpan(int Start, int End);

/// <summary>
/// The words field's segmentation of a text in one bit per char, kept in the index so that the views which need the
/// words around an occurrence (collocations, sorting and grouping by word) read them instead of running SmartCn, which
/// costs milliseconds per sentence, at query time. Bit i is set where a word or a run of dropped chars (punctuation,
/// spaces) starts; a run between two set bits is a word when it holds a letter or digit, the rule
/// <see cref="PunctuationGapFilter"/> keeps tokens by. <see cref="Encode"/> checks that decoding gives back exactly the
/// words it was given and declines otherwise, so stored boundaries are never an approximation.
/// </summary>
internal static class WordBoundaries
{
    /// <param name="folded">The text as the words field analyses it (<see cref="WidthFold.FoldWordChars"/>).</param>
    /// <param name="words">The words field's tokens in text order, punctuation dropped.</param>
    /// <returns>The bits, or null when they would not decode to exactly <paramref name="words"/>.</returns>
    /// <summary>Most bytes a binary doc value holds (Lucene's limit): texts past 262,128 chars are segmented at query time.</summary>
    public const int MaxBytes = 32766;

    /// <param name="folded">The text as the words field analyses it (<see cref="WidthFold.FoldWordChars"/>).</param>
    /// <param name="words">The words field's tokens in text order, punctuation dropped.</param>
    /// <returns>The bits, or null when they would not decode to exactly <paramref name="words"/> (or pass <see cref="MaxBytes"/>).</returns>
    public static byte[]? Encode(string folded, IReadOnlyList<WordSpan> words)
    {
        var bits = new byte[(folded.Length + 7) / 8];
        if (bits.Length > MaxBytes)
        {
            return null;
        }
        foreach (var word in words)
        {
            // A word never spans a line break, so a line decodes on its own (see Decode).
            if (word.Start < 0 || word.End > folded.Length || word.End <= word.Start || folded.AsSpan(word.Start, word.End - word.Start).Contains('\n'))
            {
                return null;
            }
            Set(bits, word.Start);
            if (word.End < folded.Length)
            {
                Set(bits, word.End);
            }
        }
        return Decode(bits, folded, 0).SequenceEqual(words) ? bits : null;
    }

    /// <summary>Whether stored bits belong to a text of this length (a document indexed without them has none).</summary>
    public static bool Fits(int bytes, int textLength) => textLength > 0 && bytes == (textLength + 7) / 8;

    /// <summary>
    /// The words of a stretch of the text that starts a line (or the text) and ends at a line's end, in text order:
    /// <paramref name="folded"/> is the stretch, folded, and <paramref name="offset"/> where it starts in the text.
    /// </summary>
    public static List<WordSpan> Decode(ReadOnlySpan<byte> bits, string folded, int offset)
    {
        var words = new List<WordSpan>();
        var start = 0;
        var wordy = false;
        for (var i = 0; i < folded.Length; i++)
        {
            var at = offset + i;
            if (i > start && (bits[at >> 3] & (1 << (at & 7))) != 0)
            {
                if (wordy)
                {
                    words.Add(new WordSpan(offset + start, at));
                }
                (start, wordy) = (i, false);
            }
            wordy |= char.IsLetterOrDigit(folded[i]);
        }
        if (wordy)
        {
            words.Add(new WordSpan(offset + start, offset + folded.Length));
        }
        return words;
    }

    /// <summary>A word's text as the words field indexes it: the folded chars of its span without whitespace (SmartCn
    /// joins a word written with a space inside, such as 电　离, into one term).</summary>
    public static string TextOf(ReadOnlySpan<char> folded)
    {
        if (!folded.ContainsAny(Whitespace))
        {
            return folded.ToString();
        }
        var chars = new List<char>(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                chars.Add(c);
            }
        }
        return new string([.. chars]);
    }

    private static readonly System.Buffers.SearchValues<char> Whitespace = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace)]);

    private static void Set(byte[] bits, int i) => bits[i >> 3] |= (byte)(1 << (i & 7));
}
