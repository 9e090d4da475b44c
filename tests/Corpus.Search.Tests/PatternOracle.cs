using Corpus.Ingest.Model;
using System.Text;
using System.Text.RegularExpressions;

namespace Corpus.Search.Tests;

/// <summary>
/// An independent reading of the pattern rules in the README, for checking the search: its own folding table, its own
/// parser, one .NET regex per pattern over the folded text. It shares no code with the production matcher.
/// </summary>
internal static partial class PatternOracle
{
    /// <summary>A gap or ? takes any character but these (after folding, ！？ are ! ?) — the README's sentence rule.</summary>
    private const string Within = "[^。｡!?…\\n]";

    /// <summary>The text as compared: full-width ASCII forms to half-width, A–Z to a–z, Traditional to Simplified, spaces dropped, line breaks kept; with each char's display index.</summary>
    public static (string Folded, List<int> Map) Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\n' && char.IsWhiteSpace(c))
            {
                continue;
            }
            if (c is >= '！' and <= '～')
            {
                c = (char)(c - '！' + '!');
            }
            if (c is >= 'A' and <= 'Z')
            {
                c = (char)(c - 'A' + 'a');
            }
            // Traditional as Simplified, from the test's own table (Unihan and Oracle), not the production one.
            folded.Append(TraditionalToSimplified.TryGetValue(c, out var simplified) ? simplified : c);
            map.Add(i);
        }
        return (folded.ToString(), map);
    }

    /// <summary>The regex of one pattern term (<c>a*b</c>, <c>a*12b</c>, <c>a?b</c>, with \ escapes) or of <c>A NEAR/N B</c>.</summary>
    public static Regex Build(string pattern)
    {
        var near = NearSyntax().Match(pattern);
        if (near.Success)
        {
            var distance = near.Groups[2].Success ? near.Groups[2].Value : "10";
            var (a, b) = (Term(near.Groups[1].Value, groups: false), Term(near.Groups[3].Value, groups: false));
            return new Regex($"{a}[^\\n]{{0,{distance}}}?{b}|{b}[^\\n]{{0,{distance}}}?{a}");
        }
        return new Regex(Term(pattern, groups: true));
    }

    /// <summary>Leftmost non-overlapping matches, gaps as short as possible: per document id, the number of matches.</summary>
    public static Dictionary<string, int> Count(IEnumerable<CleanDocument> documents, Regex regex) =>
        documents.Select(d => (d.Id, Count: Counted(d, regex).Sum(t => regex.Matches(Fold(t).Folded).Count)))
            .Where(d => d.Count > 0).ToDictionary(d => d.Id, d => d.Count);

    /// <summary>
    /// The texts a pattern is counted in: the document's own when it matches there, else each of its merged copies (a
    /// document is found through a copy, and then its copies' matches count).
    /// </summary>
    public static IEnumerable<string> Counted(CleanDocument document, Regex regex) =>
        regex.IsMatch(Fold(document.Text).Folded) ? [document.Text] : document.Copies.Select(c => c.Text);

    /// <summary>Display spans (start, length) of the matches, from the first to the last matched character.</summary>
    public static List<(int Start, int Length)> Spans(string text, Regex regex)
    {
        var (folded, map) = Fold(text);
        return [.. regex.Matches(folded).Select(m => (map[m.Index], map[m.Index + m.Length - 1] + 1 - map[m.Index]))];
    }

    /// <summary>Fillers: the slot texts of every match joined by " … ".</summary>
    public static IEnumerable<string> Fillers(string text, Regex regex) =>
        regex.Matches(Fold(text).Folded).Select(m => string.Join(" … ", m.Groups.Cast<Group>().Skip(1).Select(g => g.Value)));

    private static string Term(string term, bool groups)
    {
        var open = groups ? "(" : "(?:";
        var regex = new StringBuilder();
        for (var i = 0; i < term.Length; i++)
        {
            var c = term[i];
            if (c == '\\' && i + 1 < term.Length && (term[i + 1] is '*' or '?' or '\\' || char.IsAsciiDigit(term[i + 1])))
            {
                regex.Append(Regex.Escape(Fold(term[++i].ToString()).Folded));
            }
            else if (c == '?')
            {
                regex.Append(open).Append(Within).Append(')');
            }
            else if (c == '*')
            {
                var digits = new string([.. term.Skip(i + 1).TakeWhile(char.IsAsciiDigit)]);
                i += digits.Length;
                regex.Append(open).Append(Within).Append("{0,").Append(digits.Length == 0 ? "10" : digits).Append("}?)");
            }
            else
            {
                regex.Append(Regex.Escape(Fold(c.ToString()).Folded));
            }
        }
        return regex.ToString();
    }

    [GeneratedRegex(@"^(\S+) NEAR(?:/(\d+))? (\S+)$")]
    private static partial Regex NearSyntax();
}
