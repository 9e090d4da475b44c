using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;
using Lucene.Net.Util;

namespace Corpus.Search.Patterns;

/// <summary>
/// The documents whose exact field may hold a match of a pattern, found by positions, so that the stored text is read
/// for real candidates only. The pattern's characters between gaps form runs; a run is a span of consecutive pairs
/// (a <c>?</c> inside it spelled out as each character the index has between its two neighbours), and the runs must
/// follow each other within the gaps' reach — for NEAR, either order within its distance. What positions cannot tell
/// is left to the verification on the stored text: a sentence end inside a gap, a character standing alone between
/// gaps (asked only of documents when nothing else anchors the pattern), and each gap's own bound (the reach is summed).
/// </summary>
internal sealed class PatternCandidateQuery(string field, TextPattern pattern) : Query
{
    /// <summary>Past this many characters fitting a <c>?</c> its pairs cost more than they save: the <c>?</c> stays a free character.</summary>
    private const int MaxMiddles = 1024;

    /// <summary>Characters following a <c>?</c>'s left neighbour, looked at before giving up the expansion.</summary>
    private const int MaxFollowers = 4096;

    /// <summary>Spelled-out <c>?</c>s per index generation: the search page, its filler table and its next pages ask the same.</summary>
    private const int MaxCached = 10_000;

    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<(string Field, string Left, string Right), List<string>?>> Middles = [];

    public string Field { get; } = field;

    public TextPattern Pattern { get; } = pattern;

    public override Query Rewrite(IndexReader reader)
    {
        var terms = MultiFields.GetTerms(reader, Field);
        var cache = Middles.GetValue(reader, _ => new ConcurrentDictionary<(string, string, string), List<string>?>());
        List<string>? Between(string left, string right) => cache.Count >= MaxCached
            ? MiddlesIn(terms!, left, right)
            : cache.GetOrAdd((Field, left, right), key => MiddlesIn(terms!, key.Item2, key.Item3));
        var rewritten = terms is null ? Nothing() : Build(Between);
        rewritten.Boost = Boost;
        return rewritten;
    }

    public override string ToString(string field) => $"pattern({Field}:{Pattern.Source})";

    public override bool Equals(object? obj) =>
        obj is PatternCandidateQuery other && other.Field == Field && ReferenceEquals(other.Pattern, Pattern) && base.Equals(obj);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Field, Pattern);

    private Query Build(Func<string, string, List<string>?> between)
    {
        if (Pattern.Near is { } near)
        {
            var first = Chain(near.First, between);
            var second = Chain(near.Second, between);
            if (first.Impossible || second.Impossible)
            {
                return Nothing();
            }
            // A's last pair starts one position before its last character, hence the + 1 (as for a gap); free characters
            // at the operands' edges lie outside their spans and widen the reach.
            return first.Span is { } a && second.Span is { } b
                ? new SpanNearQuery([a, b], near.Distance + 1 + first.Edges + second.Edges, inOrder: false)
                : new BooleanQuery(disableCoord: true) { { Query(first), Occur.MUST }, { Query(second), Occur.MUST } };
        }
        var chain = Chain(Pattern.Parts!, between);
        return chain.Impossible ? Nothing() : Query(chain);
    }

    private Query Query(Anchored chain)
    {
        if (chain.Span is { } span)
        {
            return span;
        }
        // Nothing anchors the pattern: the documents holding each of its characters somewhere.
        var all = new BooleanQuery(disableCoord: true);
        foreach (var single in chain.Singles.Distinct(StringComparer.Ordinal))
        {
            all.Add(new PrefixQuery(new Term(Field, single)), Occur.MUST);
        }
        return all;
    }

    /// <summary>An empty boolean query matches no document.</summary>
    private static BooleanQuery Nothing() => new();

    /// <param name="Span">The runs in order within reach; null when no run has two characters.</param>
    /// <param name="Edges">Characters of the sequence before its first run and after its last (at most).</param>
    /// <param name="Singles">Characters that stand alone, not part of a run.</param>
    /// <param name="Impossible">A run the index cannot hold: no document matches.</param>
    private sealed record Anchored(SpanQuery? Span, int Edges, List<string> Singles, bool Impossible);

    /// <param name="Span">A run's span; null for free characters.</param>
    /// <param name="Length">How many characters the piece covers.</param>
    /// <param name="Single">The character, when the piece is one literal character standing alone.</param>
    private sealed record Piece(SpanQuery? Span, int Length, string? Single = null);

    private Anchored Chain(IReadOnlyList<PatternPart> parts, Func<string, string, List<string>?> middles)
    {
        var anchors = new List<SpanQuery>();
        var singles = new List<string>();
        var (slop, between, leading) = (0, 0, 0);
        foreach (var (block, gapBefore) in Blocks(parts))
        {
            between += gapBefore;
            if (Pieces(block, middles) is not { } pieces)
            {
                return new Anchored(null, 0, [], Impossible: true);
            }
            foreach (var piece in pieces)
            {
                if (piece.Span is not { } span)
                {
                    between += piece.Length;
                    if (piece.Single is { } single)
                    {
                        singles.Add(single);
                    }
                    continue;
                }
                // The previous run's span ends at the position of its last character, so the next starts between + 1 after.
                if (anchors.Count > 0)
                {
                    slop += between + 1;
                }
                else
                {
                    leading = between;
                }
                anchors.Add(span);
                between = 0;
            }
        }
        var chained = anchors.Count switch
        {
            0 => null,
            1 => anchors[0],
            _ => new SpanNearQuery([.. anchors], slop, inOrder: true),
        };
        return new Anchored(chained, anchors.Count == 0 ? 0 : leading + between, singles, Impossible: false);
    }

    /// <summary>The characters between gaps (null for <c>?</c>), each with the longest gap before it.</summary>
    private static List<(List<string?> Block, int GapBefore)> Blocks(IReadOnlyList<PatternPart> parts)
    {
        var blocks = new List<(List<string?>, int)>();
        var current = new List<string?>();
        var gap = 0;
        foreach (var part in parts)
        {
            switch (part)
            {
                case LiteralPart literal:
                    current.AddRange(Querying.Phrase.Split(literal.Folded));
                    break;
                case AnyCharPart:
                    current.Add(null);
                    break;
                case GapPart g:
                    blocks.Add((current, gap));
                    (current, gap) = ([], g.Max);
                    break;
            }
        }
        blocks.Add((current, gap));
        return blocks;
    }

    /// <summary>A block as runs and free characters, in order; null when a run cannot occur in the index.</summary>
    private List<Piece>? Pieces(List<string?> block, Func<string, string, List<string>?> middles)
    {
        var (lo, hi) = (0, block.Count);
        while (lo < hi && block[lo] is null)
        {
            lo++;
        }
        while (hi > lo && block[hi - 1] is null)
        {
            hi--;
        }
        var pieces = new List<Piece>();
        // A ? at a block's edge has one neighbour only: it stays a free character.
        pieces.AddRange(Enumerable.Repeat(new Piece(null, 1), lo));
        var core = block[lo..hi];
        if (core.Count == 1)
        {
            pieces.Add(new Piece(null, 1, core[0]));
        }
        else if (core.Count > 1)
        {
            var spelled = Spelled(core, middles, out var impossible);
            if (impossible)
            {
                return null;
            }
            pieces.AddRange(spelled is null ? Runs(core) : [new Piece(spelled, core.Count)]);
        }
        pieces.AddRange(Enumerable.Repeat(new Piece(null, 1), block.Count - hi));
        return pieces;
    }

    /// <summary>The core split at each <c>?</c>: runs of two or more characters anchor, the rest is free.</summary>
    private IEnumerable<Piece> Runs(List<string?> core)
    {
        var run = new List<string>();
        foreach (var c in core)
        {
            if (c is not null)
            {
                run.Add(c);
                continue;
            }
            if (Flush(run) is { } piece)
            {
                yield return piece;
            }
            run = [];
            yield return new Piece(null, 1);
        }
        if (Flush(run) is { } last)
        {
            yield return last;
        }
    }

    private Piece? Flush(List<string> run) => run.Count switch
    {
        0 => null,
        1 => new Piece(null, 1, run[0]),
        _ => new Piece(Run(run), run.Count),
    };

    /// <summary>
    /// The core as pairs at their offsets: every pair of two known characters, and for a <c>?</c> whose neighbour no
    /// such pair holds, the pairs of that neighbour with each character the index has between the <c>?</c>'s two
    /// neighbours (never a sentence end). Two pairs overlapping at the <c>?</c> share its character, so the pairs in
    /// place spell out the core exactly. Null when a <c>?</c> has a <c>?</c> for a neighbour or too many characters fit;
    /// <paramref name="impossible"/> when none fits.
    /// </summary>
    private SpanQuery? Spelled(List<string?> core, Func<string, string, List<string>?> middles, out bool impossible)
    {
        impossible = false;
        var covered = new bool[core.Count];
        var pairs = new List<(int Offset, SpanQuery Span)>();
        for (var k = 0; k + 1 < core.Count; k++)
        {
            if (core[k] is { } a && core[k + 1] is { } b)
            {
                pairs.Add((k, Pair(a + b)));
                covered[k] = covered[k + 1] = true;
            }
        }
        for (var k = 1; k + 1 < core.Count; k++)
        {
            if (core[k] is not null)
            {
                continue;
            }
            if (core[k - 1] is not { } left || core[k + 1] is not { } right || middles(left, right) is not { Count: <= MaxMiddles } fits)
            {
                return null;
            }
            if (fits.Count == 0)
            {
                impossible = true;
                return null;
            }
            if (!covered[k - 1])
            {
                pairs.Add((k - 1, Any([.. fits.Select(x => Pair(left + x))])));
                covered[k - 1] = true;
            }
            if (!covered[k + 1])
            {
                pairs.Add((k, Any([.. fits.Select(x => Pair(x + right))])));
                covered[k + 1] = true;
            }
        }
        pairs.Sort((x, y) => x.Offset.CompareTo(y.Offset));
        // Each pair spans one position: the slop is the positions left out between them.
        var slop = pairs.Zip(pairs.Skip(1), (x, y) => y.Offset - x.Offset - 1).Sum();
        return pairs.Count == 1 ? pairs[0].Span : new SpanNearQuery([.. pairs.Select(p => p.Span)], slop, inOrder: true);
    }

    /// <summary>The characters x such that the pairs left+x and x+right are both terms; null past <see cref="MaxFollowers"/>.</summary>
    private static List<string>? MiddlesIn(Terms terms, string left, string right)
    {
        var prefix = new BytesRef(left);
        var followers = terms.GetEnumerator();
        var lookup = terms.GetEnumerator();
        var middles = new List<string>();
        if (followers.SeekCeil(prefix) == TermsEnum.SeekStatus.END)
        {
            return middles;
        }
        var seen = 0;
        do
        {
            if (!StringHelper.StartsWith(followers.Term, prefix))
            {
                break;
            }
            if (++seen > MaxFollowers)
            {
                return null;
            }
            var middle = followers.Term.Utf8ToString()[left.Length..];
            if (middle.Length > 0 && !PatternSyntax.SentenceEnds.Contains(middle, StringComparison.Ordinal)
                && lookup.SeekExact(new BytesRef(middle + right)))
            {
                middles.Add(middle);
            }
        }
        while (followers.MoveNext());
        return middles;
    }

    private static SpanQuery Any(List<SpanQuery> alternatives) => alternatives.Count == 1 ? alternatives[0] : new SpanOrQuery([.. alternatives]);

    private SpanTermQuery Pair(string pair) => new(new Term(Field, pair));

    /// <summary>Every pair of the run at consecutive positions: exactly the run's occurrences.</summary>
    private SpanQuery Run(List<string> chars)
    {
        var pairs = Enumerable.Range(0, chars.Count - 1).Select(k => (SpanQuery)Pair(chars[k] + chars[k + 1])).ToArray();
        return pairs.Length == 1 ? pairs[0] : new SpanNearQuery(pairs, 0, inOrder: true);
    }
}

