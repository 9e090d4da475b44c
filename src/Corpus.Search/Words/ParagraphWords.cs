using Corpus.Search.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Corpus.Search.Words;

/// <summary>A word of a text: its folded form (as the words field indexes it) and its display offsets.</summary>
internal readonly record struct Word(string Text, int Start, int End);

/// <summary>
/// The words next to an occurrence, as the product segments them: the <paramref name="reach"/> characters on each
/// side of the match, inside its paragraph (a line of the display text), width-folded and cut by
/// <see cref="WordsAnalyzer"/> (SmartCn, punctuation dropped) on their own, so the match's edges are word edges.
/// When the stretch stops short of the paragraph's edge its outermost word may be cut, so it is dropped. Segmenting a
/// few characters instead of whole paragraphs keeps sorting and grouping by words affordable on every occurrence.
/// </summary>
internal sealed class ParagraphWords(string text, int reach)
{
    /// <summary>Characters looked at for the nearest two words (sorting and grouping by word).</summary>
    public const int NearReach = 12;

    private static readonly WordsAnalyzer Analyzer = new();

    /// <summary>Characters looked at for a window of <paramref name="words"/> words (collocations).</summary>
    public static int ReachFor(int words) => 4 * words + 4;

    /// <summary>Up to <paramref name="count"/> words before <paramref name="start"/>, nearest first.</summary>
    public IEnumerable<Word> Before(int start, int count)
    {
        var paragraphStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        var from = Math.Max(paragraphStart, start - reach);
        var words = Segment(text[from..start], from);
        return words.Skip(from > paragraphStart ? 1 : 0).Reverse().Take(count);
    }

    /// <summary>Up to <paramref name="count"/> words from <paramref name="end"/> on, nearest first.</summary>
    public IEnumerable<Word> After(int end, int count)
    {
        var paragraphEnd = text.IndexOf('\n', end) is var newline and >= 0 ? newline : text.Length;
        var to = Math.Min(paragraphEnd, end + reach);
        var words = Segment(text[end..to], end);
        return (to < paragraphEnd ? words.Take(words.Count - 1) : words).Take(count);
    }

    /// <summary>The words of a stretch of text, with offsets shifted by <paramref name="offset"/>.</summary>
    public static List<Word> Segment(string stretch, int offset = 0)
    {
        var result = new List<Word>();
        if (stretch.Length == 0)
        {
            return result;
        }
        using var stream = Analyzer.GetTokenStream("words", WidthFold.FoldWordChars(stretch));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            result.Add(new Word(term.ToString(), offset + offsets.StartOffset, offset + offsets.EndOffset));
        }
        stream.End();
        return result;
    }
}
