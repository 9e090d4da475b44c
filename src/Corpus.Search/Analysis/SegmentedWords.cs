using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Corpus.Search.Analysis;

/// <summary>
/// A text cut by <see cref="WordsAnalyzer"/> once at indexing: its tokens replay into the words field and their places
/// become the text's <see cref="WordBoundaries"/>, so the segmentation, the slowest step of indexing, is not run twice.
/// </summary>
internal sealed class SegmentedWords
{
    /// <summary>Each token's position increment, and its term where it is not simply its span of the text (rare).</summary>
    private readonly List<(string? Term, int Increment)> tokens = [];
    private readonly List<WordSpan> spans = [];
    private readonly string folded;

    /// <param name="folded">The text folded with <see cref="WidthFold.FoldWordChars"/>.</param>
    /// <param name="analyzer">The words field's analyzer.</param>
    public SegmentedWords(string folded, WordsAnalyzer analyzer)
    {
        this.folded = folded;
        using var stream = analyzer.GetTokenStream("words", folded);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var span = new WordSpan(offsets.StartOffset, offsets.EndOffset);
            var spelled = span.End <= folded.Length && span.Start <= span.End
                && folded.AsSpan(span.Start, span.End - span.Start).SequenceEqual(term.Buffer.AsSpan(0, term.Length));
            tokens.Add((spelled ? null : term.ToString(), increment.PositionIncrement));
            spans.Add(span);
        }
        stream.End();
    }

    /// <summary>The words' places as stored boundaries, or null when the bits would not give back exactly these words
    /// (a term that is not its text, a token across a line): then the views segment that text at query time.</summary>
    public byte[]? Boundaries()
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Term is { } term && WordBoundaries.TextOf(folded.AsSpan(spans[i].Start, spans[i].End - spans[i].Start)) != term)
            {
                return null;
            }
        }
        return WordBoundaries.Encode(folded, spans);
    }

    /// <summary>The tokens again, as the analyzer gave them (terms, offsets, position increments), for one field.</summary>
    public TokenStream Replay() => new ReplayStream(this);

    private sealed class ReplayStream : TokenStream
    {
        private readonly SegmentedWords words;
        private readonly ICharTermAttribute term;
        private readonly IOffsetAttribute offsets;
        private readonly IPositionIncrementAttribute increment;
        private int next;

        public ReplayStream(SegmentedWords words)
        {
            this.words = words;
            term = AddAttribute<ICharTermAttribute>();
            offsets = AddAttribute<IOffsetAttribute>();
            increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (next >= words.tokens.Count)
            {
                return false;
            }
            ClearAttributes();
            var (text, positionIncrement) = words.tokens[next];
            var span = words.spans[next];
            if (text is null)
            {
                var length = span.End - span.Start;
                words.folded.CopyTo(span.Start, term.ResizeBuffer(length), 0, length);
                term.Length = length;
            }
            else
            {
                term.SetEmpty().Append(text);
            }
            offsets.SetOffset(span.Start, span.End);
            increment.PositionIncrement = positionIncrement;
            next++;
            return true;
        }

        public override void End()
        {
            base.End();
            offsets.SetOffset(words.folded.Length, words.folded.Length);
        }

        public override void Reset()
        {
            base.Reset();
            next = 0;
        }
    }
}
