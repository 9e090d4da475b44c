using System.Text;

namespace Corpus.Search.Highlighting;

/// <summary>Up to three fragments of about 80 characters around the best hits, HTML-escaped, hits in &lt;mark&gt;.</summary>
internal static class SnippetBuilder
{
    public const int MaxFragments = 3;
    public const int FragmentLength = 80;
    private const int LeadContext = 20;

    public static List<string> Build(string text, IReadOnlyList<HitSpan> spans)
    {
        if (spans.Count == 0)
        {
            return text.Length == 0 ? [] : [Render(text, 0, Math.Min(text.Length, FragmentLength), [])];
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
        return [.. chosen.OrderBy(c => c.Start).Select(c => Render(text, c.Start, c.End, spans))];
    }

    /// <summary>The text between start and end, escaped, with every hit inside (or cut by) the window marked.</summary>
    private static string Render(string text, int start, int end, IReadOnlyList<HitSpan> spans)
    {
        var html = new StringBuilder((end - start) * 2);
        var at = start;
        foreach (var span in spans)
        {
            var s = Math.Max(span.Start, start);
            var e = Math.Min(span.Start + span.Length, end);
            if (e <= s)
            {
                continue;
            }
            Escape(html, text, at, s);
            html.Append("<mark>");
            Escape(html, text, s, e);
            html.Append("</mark>");
            at = e;
        }
        Escape(html, text, at, end);
        return html.ToString();
    }

    private static void Escape(StringBuilder html, string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                case '\n': html.Append(' '); break;
                default: html.Append(c); break;
            }
        }
    }
}
