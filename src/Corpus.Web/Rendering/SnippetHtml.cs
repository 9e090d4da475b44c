using Corpus.Search;
using Microsoft.AspNetCore.Html;

namespace Corpus.Web.Rendering;

/// <summary>
/// A snippet as HTML: its text is appended as text (encoded by the page's HtmlEncoder when written), each hit in
/// <c>&lt;mark&gt;</c>, the only markup.
/// </summary>
public static class SnippetHtml
{
    public static IHtmlContent Render(Snippet snippet)
    {
        var html = new HtmlContentBuilder(snippet.Hits.Count * 3 + 1);
        var text = snippet.Text;
        var at = 0;
        foreach (var hit in snippet.Hits)
        {
            html.Append(text[at..hit.Start]).AppendHtml("<mark>").Append(text.Substring(hit.Start, hit.Length)).AppendHtml("</mark>");
            at = hit.Start + hit.Length;
        }
        return html.Append(text[at..]);
    }
}
