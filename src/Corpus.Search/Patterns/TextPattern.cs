using System.Text;
using System.Text.RegularExpressions;

namespace Corpus.Search.Patterns;

/// <summary>
/// A pattern compiled for the width-folded text (<see cref="Analysis.WidthFold.FoldForMatching(string)"/>). Matches are
/// leftmost and non-overlapping; at a given start each gap takes as few characters as it can (the first gap first),
/// and for NEAR the first-named phrase is tried first. Each slot (gap or ?) of a sequence is a capture group.
/// </summary>
internal sealed class TextPattern
{
    /// <summary>One folded-text character a gap or ? may take: anything but a sentence end or paragraph break.</summary>
    private static readonly string InSentence = "[^" + Regex.Escape(PatternSyntax.SentenceEnds) + "]";

    /// <summary>Bounded quantifiers keep matching linear in practice; this only guards against a pathological text.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private readonly Regex regex;

    private TextPattern(string source, string expression, IReadOnlyList<PatternPart>? parts, IReadOnlyList<string> literals, int slots, NearOperands? near = null)
    {
        Source = source;
        Parts = parts;
        Near = near;
        Literals = literals;
        Slots = slots;
        regex = new Regex(expression, RegexOptions.CultureInvariant, MatchTimeout);
    }

    /// <summary>The term as typed.</summary>
    public string Source { get; }

    /// <summary>The sequence's parts; null for NEAR, which cannot be an operand of another NEAR.</summary>
    public IReadOnlyList<PatternPart>? Parts { get; }

    /// <summary>For NEAR, its two sequences and their distance; null for a sequence.</summary>
    public NearOperands? Near { get; }

    /// <summary>The folded literal texts every match contains (what the index is asked for).</summary>
    public IReadOnlyList<string> Literals { get; }

    /// <summary>How many gaps and ? the pattern has; 0 for NEAR, whose gap is not a slot.</summary>
    public int Slots { get; }

    public static TextPattern Sequence(string source, IReadOnlyList<PatternPart> parts) =>
        new(source, Expression(parts, capture: true), parts, LiteralsOf(parts), parts.Count(p => p is not LiteralPart));

    /// <summary>Both phrases, either order, at most <paramref name="distance"/> characters apart within a paragraph.</summary>
    public static TextPattern Proximity(string source, IReadOnlyList<PatternPart> first, IReadOnlyList<PatternPart> second, int distance)
    {
        var a = Expression(first, capture: false);
        var b = Expression(second, capture: false);
        var between = $"[^\\n]{{0,{distance}}}?";
        return new(source, $"(?:{a}{between}{b}|{b}{between}{a})", null, [.. LiteralsOf(first).Concat(LiteralsOf(second)).Distinct()], 0, new NearOperands(first, second, distance));
    }

    /// <exception cref="QueryException">The pattern took too long on a text.</exception>
    public bool IsMatch(string folded) => Guard(() => regex.IsMatch(folded));

    /// <exception cref="QueryException">The pattern took too long on a text.</exception>
    public List<Match> Matches(string folded) => Guard(() => regex.Matches(folded).ToList());

    /// <summary>What filled the slots of a match, joined by " … " when there are several.</summary>
    public static string Filler(Match match) =>
        string.Join(" … ", match.Groups.Values.Skip(1).Select(g => g.Value));

    private static T Guard<T>(Func<T> match)
    {
        try
        {
            return match();
        }
        catch (RegexMatchTimeoutException)
        {
            throw new QueryException("这个模式太复杂，匹配超时：请减少 * 或缩短空档");
        }
    }

    private static List<string> LiteralsOf(IReadOnlyList<PatternPart> parts) =>
        [.. parts.OfType<LiteralPart>().Select(l => l.Folded).Distinct(StringComparer.Ordinal)];

    private static string Expression(IReadOnlyList<PatternPart> parts, bool capture)
    {
        var open = capture ? "(" : "(?:";
        var expression = new StringBuilder();
        foreach (var part in parts)
        {
            expression.Append(part switch
            {
                LiteralPart literal => Regex.Escape(literal.Folded),
                AnyCharPart => open + InSentence + ")",
                GapPart gap => $"{open}{InSentence}{{0,{gap.Max}}}?)",
                _ => throw new InvalidOperationException(part.GetType().Name),
            });
        }
        return expression.ToString();
    }
}

/// <summary>The two sequences of <c>A NEAR/N B</c> and N.</summary>
internal sealed record NearOperands(IReadOnlyList<PatternPart> First, IReadOnlyList<PatternPart> Second, int Distance);
