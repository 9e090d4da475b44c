namespace Corpus.Search.Highlighting;

/// <summary>
/// Up to three fragments of about 80 characters around the best hits, as text plus the hits' spans; rendering
/// (HTML, terminal) is the caller's.
/// </summary>
internal static class SnippetBuilder
{
    public const int MaxFragments = 3;
    public const int FragmentLength = 80;
    private const int LeadContext = 20;

    public static List<Snippet> Build(string text, IReadOnlyList<HitSpan> spans)
    {
        if (spans.Count == 0)
        {
            return text.Length == 0 ? [] : [Cut(text, 0, Math.Min(text.Length, FragmentLength), [])];
        }
        // Each candidate window starts a little before a hit and holds the hits that fit in it; the best windows hold
        // the most hits (then the earliest), without overlapping one another, shown in text order.
        var windows = new List<(int Start, int End, int Hits)>();
        for (var i = 0; i < spans.Count; i++)
        {
            var start = Math.Max(0, spans[i].Start - LeadContext);
            var end = Math.Min(text.Length, start + FragmentLength);
            end = Math.Max(end, Math.Min(text.Length, spans[i].Start + spans[i].Length));
            var hits = 0;
            for (var j = i; j < spans.Count && spans[j].Start + spans[j].Length <= end; j++)
            {
                hits++;
            }
            windows.Add((start, end, hits));
        }
        var chosen = new List<(int Start, int End, int Hits)>();
        foreach (var window in windows.OrderByDescending(w => w.Hits).ThenBy(w => w.Start))
        {
            if (chosen.All(c => window.End <= c.Start || window.Start >= c.End))
            {
                chosen.Add(window);
                if (chosen.Count == MaxFragments)
                {
                    break;
                }
            }
        }
        return [.. chosen.OrderBy(c => c.Start).Select(c => Cut(text, c.Start, c.End, spans))];
    }

    /// <summary>The text between start and end (line breaks as spaces) with every hit inside, or cut by, the window.</summary>
    private static Snippet Cut(string text, int start, int end, IReadOnlyList<HitSpan> spans)
    {
        var hits = new List<HitSpan>();
        foreach (var span in spans)
        {
            var s = Math.Max(span.Start, start);
            var e = Math.Min(span.Start + span.Length, end);
            if (e > s)
            {
                hits.Add(new HitSpan(s - start, e - s));
            }
        }
        return new Snippet(text[start..end].Replace('\n', ' '), hits);
    }
}
