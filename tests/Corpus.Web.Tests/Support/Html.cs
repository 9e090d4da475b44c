using AngleSharp;
using AngleSharp.Dom;

namespace Corpus.Web.Tests.Support;

/// <summary>Fetches a page over real HTTP and parses it with AngleSharp at its own address (so forms and links resolve).</summary>
public static class Html
{
    public sealed record Page(HttpResponseMessage Response, IDocument Document, string Source);

    public static async Task<Page> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var source = await response.Content.ReadAsStringAsync();
        var address = new Uri(client.BaseAddress!, url);
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(request => request.Content(source).Address(address));
        return new Page(response, document, source);
    }

    public static string Text(this IElement element) => element.TextContent.Trim();

    /// <summary>Path and query of a link as the browser would request it.</summary>
    public static string Href(this IElement link, IDocument document) =>
        new Uri(new Uri(document.Url), link.GetAttribute("href")!).PathAndQuery;
}
