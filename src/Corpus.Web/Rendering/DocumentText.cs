using Corpus.Search;
using Microsoft.AspNetCore.Html;

namespace Corpus.Web.Rendering;

/// <summary>
/// A document's text as HTML paragraphs with every hit in <c>&lt;mark id="hit-N"&gt;</c>, numbered from 1. The text
/// is encoded here; only the marks and the small per-hit navigation (shown for the :target hit, no script needed)
/// are markup. A copy's text is rendered the same way with its own id prefix (copy-2-hit-N), so its hits have their own
/// numbering and the main text's navigation stays on the main text.
/// </summary>
public static class DocumentText
{
    public static IReadOnlyList<IHtmlContent> Paragraphs(string text, IReadOnlyList<HitSpan> hits, string idPrefix = "hit")
    {
        var ordered = hits.Where(h => h.Length > 0 && h.Start >= 0 && h.Start + h.Length <= text.Length)
            .OrderBy(h => h.Start).ToList();
        var paragraphs = new List<IHtmlContent>();
        var hitIndex = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }
            if (text.AsSpan(start, end - start).Trim().Length > 0)
            {
                paragraphs.Add(Paragraph(text, start, end, ordered, idPrefix, ref hitIndex));
            }
            start = end + 1;
        }
        return paragraphs;
    }

    private static HtmlContentBuilder Paragraph(string text, int start, int end, List<HitSpan> hits, string idPrefix, ref int hitIndex)
    {
        var html = new HtmlContentBuilder();
        var position = start;
        // A hit that began in an earlier paragraph continues here without a new number.
        if (hitIndex > 0 && End(hits[hitIndex - 1]) > position)
        {
            var cut = Math.Min(End(hits[hitIndex - 1]), end);
            html.AppendHtml("<mark class=\"hit hit-cont\">").Append(text[position..cut]).AppendHtml("</mark>");
            position = cut;
        }
        while (hitIndex < hits.Count && hits[hitIndex].Start < end)
        {
            var hit = hits[hitIndex];
            var hitStart = Math.Max(hit.Start, position);
            html.Append(text[position..hitStart]);
            var hitEnd = Math.Max(hitStart, Math.Min(End(hit), end));
            hitIndex++;
            var number = hitIndex;
            html.AppendHtml($"<mark class=\"hit\" id=\"{idPrefix}-{number}\" tabindex=\"-1\">").Append(text[hitStart..hitEnd]).AppendHtml("</mark>");
            html.AppendHtml(HitTools(idPrefix, number, hits.Count));
            position = Math.Max(position, hitEnd);
        }
        html.Append(text[position..end]);
        return html;
    }

    /// <summary>A short text (a title) with its hits in plain &lt;mark&gt;, encoded like the rest.</summary>
    public static IHtmlContent Marked(string text, IReadOnlyList<HitSpan> hits)
    {
        var html = new HtmlContentBuilder();
        var position = 0;
        foreach (var hit in hits.Where(h => h.Length > 0 && h.Start >= 0 && End(h) <= text.Length).OrderBy(h => h.Start))
        {
            if (hit.Start < position)
            {
                continue;
            }
            html.Append(text[position..hit.Start]).AppendHtml("<mark>").Append(text[hit.Start..End(hit)]).AppendHtml("</mark>");
            position = End(hit);
        }
        return html.Append(text[position..]);
    }

    private static int End(HitSpan hit) => hit.Start + hit.Length;

    private static string HitTools(string idPrefix, int number, int total)
    {
        var previous = number == 1 ? total : number - 1;
        var next = number == total ? 1 : number + 1;
        return $"<span class=\"hit-tools\"><a href=\"#{idPrefix}-{previous}\" aria-label=\"上一处\">↑</a>" +
               $"<span class=\"hit-no\">{number}/{total}</span><a href=\"#{idPrefix}-{next}\" aria-label=\"下一处\">↓</a></span>";
    }
}
