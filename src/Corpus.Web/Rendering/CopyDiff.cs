using DiffPlex;
using DiffPlex.Chunkers;
using Microsoft.AspNetCore.Html;

namespace Corpus.Web.Rendering;

/// <summary>
/// What a copy changes against the chosen text, as HTML: paragraphs compared as lines, and where a run of paragraphs
/// was replaced by as many others, those compared character by character, so that an edited clause shows as a short
/// <c>&lt;del&gt;</c>/<c>&lt;ins&gt;</c> inside its paragraph. Unchanged paragraphs are counted, not repeated. Every
/// text is encoded; del/ins carry a hidden label for screen readers, which rarely announce the elements themselves.
/// </summary>
public static class CopyDiff
{
    /// <summary>A copy's view of what differs from the chosen text.</summary>
    /// <param name="Html">An ordered list, one item per changed or unchanged run of paragraphs.</param>
    /// <param name="Changes">Changed runs (0: the texts differ only in line breaks or spacing).</param>
    public sealed record Result(IHtmlContent Html, int Changes);

    public static Result Render(string chosen, string copy)
    {
        var lines = Differ.Instance.CreateDiffs(chosen, copy, ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        var html = new HtmlContentBuilder();
        html.AppendHtml("<ol class=\"diff\">");
        var old = lines.PiecesOld;
        var next = lines.PiecesNew;
        var at = 0;
        foreach (var block in lines.DiffBlocks)
        {
            Same(html, block.DeleteStartA - at);
            var paired = Math.Min(block.DeleteCountA, block.InsertCountB);
            for (var k = 0; k < paired; k++)
            {
                html.AppendHtml("<li class=\"diff-changed\">");
                Characters(html, old[block.DeleteStartA + k], next[block.InsertStartB + k]);
                html.AppendHtml("</li>");
            }
            for (var k = paired; k < block.DeleteCountA; k++)
            {
                html.AppendHtml("<li class=\"diff-removed\">");
                Deleted(html, old[block.DeleteStartA + k]);
                html.AppendHtml("</li>");
            }
            for (var k = paired; k < block.InsertCountB; k++)
            {
                html.AppendHtml("<li class=\"diff-added\">");
                Inserted(html, next[block.InsertStartB + k]);
                html.AppendHtml("</li>");
            }
            at = block.DeleteStartA + block.DeleteCountA;
        }
        Same(html, old.Count - at);
        html.AppendHtml("</ol>");
        return new Result(html, lines.DiffBlocks.Count);
    }

    private static void Same(HtmlContentBuilder html, int paragraphs)
    {
        if (paragraphs > 0)
        {
            html.AppendHtml("<li class=\"diff-same\">").Append($"（{paragraphs} 段相同）").AppendHtml("</li>");
        }
    }

    private static void Characters(HtmlContentBuilder html, string old, string next)
    {
        var chars = Differ.Instance.CreateDiffs(old, next, ignoreWhiteSpace: false, ignoreCase: false, CharacterChunker.Instance);
        var at = 0;
        foreach (var block in chars.DiffBlocks)
        {
            html.Append(old[at..block.DeleteStartA]);
            if (block.DeleteCountA > 0)
            {
                Deleted(html, old.Substring(block.DeleteStartA, block.DeleteCountA));
            }
            if (block.InsertCountB > 0)
            {
                Inserted(html, next.Substring(block.InsertStartB, block.InsertCountB));
            }
            at = block.DeleteStartA + block.DeleteCountA;
        }
        html.Append(old[at..]);
    }

    private static void Deleted(HtmlContentBuilder html, string text) =>
        html.AppendHtml("<del><span class=\"visually-hidden\">底本有、此稿无：</span>").Append(text).AppendHtml("</del>");

    private static void Inserted(HtmlContentBuilder html, string text) =>
        html.AppendHtml("<ins><span class=\"visually-hidden\">此稿独有：</span>").Append(text).AppendHtml("</ins>");
}
