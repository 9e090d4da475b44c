using Corpus.Search.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Corpus.Search.Words;

/// <summary>A word of a text: its folded form (as the words field indexes it) and its display offsets.</summary>
internal readonly record struct Word(string Text, int Start, int End);

/// <summary>
/// The words next to an occurrence, as the index segmented the document's text (the words field's SmartCn tokens,
/// punctuation dropped): read from the stored <see cref="WordBoundaries"/>, or, for a text indexed without them (one
/// too long for a doc value), by segmenting the occurrence's line, which gives the same words since SmartCn cuts
/// sentences at line breaks. A word that straddles an edge of the match belongs to neither side, and a window stays
/// inside the occurrence's paragraph (a line of the display text). Lines are cut once per document and request.
/// </summary>
internal sealed class DocumentWords(string text, byte[]? boundaries)
{
    private static readonly WordsAnalyzer Analyzer = new();
    private readonly Dictionary<int, List<Word>> lines = [];

    /// <summary>Up to <paramref name="count"/> words that end at or before <paramref name="start"/> (where a match starts), nearest first.</summary>
    public IEnumerable<Word> Before(int start, int count)
    {
        var words = LineOf(start);
        var last = words.FindLastIndex(w => w.End <= start);
        return Enumerable.Range(0, Math.Min(count, last + 1)).Select(i => words[last - i]);
    }

    /// <summary>Up to <paramref name="count"/> words that start at or after <paramref name="end"/> (where a match ends), nearest first.</summary>
    public IEnumerable<Word> After(int end, int count)
    {
        var words = LineOf(end - 1);
        var first = words.FindIndex(w => w.Start >= end);
        return first < 0 ? [] : words.Skip(first).Take(count);
    }

    /// <summary>The words of the line holding char <paramref name="at"/> (a line break counts to the line it ends).</summary>
    private List<Word> LineOf(int at)
    {
        var start = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        if (!lines.TryGetValue(start, out var words))
        {
            var end = text.IndexOf('\n', start) is var newline and >= 0 ? newline : text.Length;
            var folded = WidthFold.FoldWordChars(text[start..end]);
            words = boundaries is null
                ? Segment(folded, start)
                : [.. WordBoundaries.Decode(boundaries, folded, start).Select(s => new Word(WordBoundaries.TextOf(folded.AsSpan(s.Start - start, s.End - s.Start)), s.Start, s.End))];
            lines[start] = words;
        }
        return words;
    }

    private static List<Word> Segment(string folded, int offset)
    {
        var words = new List<Word>();
        using var stream = Analyzer.GetTokenStream("words", folded);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(new Word(term.ToString(), offset + offsets.StartOffset, offset + offsets.EndOffset));
        }
        stream.End();
        return words;
    }
}
