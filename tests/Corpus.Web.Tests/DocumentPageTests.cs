using System.Net;
using System.Text.Json;
using Corpus.Search;
using Corpus.Web.Tests.Support;

namespace Corpus.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class DocumentPageTests(AppFixture app)
{
    [Fact]
    public async Task Every_occurrence_of_the_query_is_marked_and_numbered_in_order()
    {
        var phrases = Samples.Phrases(app.Search.AllDocuments(), 4, seed: 7).Prepend(Samples.CommonPhrase);
        foreach (var phrase in phrases)
        {
            var result = app.Search.Search(new SearchRequest(phrase, Size: 5));
            Assert.NotEmpty(result.Hits);
            foreach (var hit in result.Hits)
            {
                var text = app.Search.GetDocument(hit.Id, null)!.Document.Text;
                var expected = Samples.CountOccurrences(text, phrase);

                var page = await Html.Get(app.Client, $"/documents/{Uri.EscapeDataString(hit.Id)}?q={Uri.EscapeDataString(phrase)}");

                Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
                var marks = page.Document.QuerySelectorAll(".doc-text mark.hit:not(.hit-cont)");
                Assert.Equal(expected, marks.Length);
                Assert.Equal(hit.Occurrences, marks.Length + page.Document.QuerySelectorAll("#doc-title mark").Length);
                Assert.Equal(Enumerable.Range(1, expected).Select(n => $"hit-{n}"), marks.Select(m => m.Id));
                Assert.All(marks, m => Assert.Equal(phrase, Samples.WithoutSpaces(m.TextContent)));
                Assert.Contains($"共 {expected} 处", page.Document.QuerySelector("#hit-status")!.TextContent);
            }
        }
    }

    [Fact]
    public async Task Document_page_shows_the_whole_text_metadata_and_every_source()
    {
        var document = app.Search.AllDocuments().OrderByDescending(d => d.Sources.Count).First();

        var page = await Html.Get(app.Client, $"/documents/{Uri.EscapeDataString(document.Id)}");

        Assert.Equal(document.Title, page.Document.QuerySelector("#doc-title")!.Text());
        var paragraphs = page.Document.QuerySelectorAll(".doc-text p").Select(p => p.TextContent).ToArray();
        var expected = document.Text.Split('\n').Where(p => p.Trim().Length > 0).ToArray();
        Assert.Equal(expected, paragraphs);
        var rows = page.Document.QuerySelectorAll(".provenance tbody tr");
        Assert.Equal(document.Sources.Count, rows.Length);
        Assert.Equal(document.Sources.Select(s => s.File), rows.Select(r => r.QuerySelector("td.file")!.Text()));
        Assert.Equal(document.Sources.Select(s => s.Partial ? "部分" : "全文"), rows.Select(r => r.Children[2].Text()));
        Assert.Contains(document.Kind ?? "不详", page.Document.QuerySelector(".doc-meta")!.TextContent);
    }

    [Fact]
    public async Task Provenance_numbers_the_articles_of_each_file_from_one()
    {
        var shown = new List<(string File, int Part)>();
        foreach (var document in app.Search.AllDocuments())
        {
            var page = await Html.Get(app.Client, $"/documents/{Uri.EscapeDataString(document.Id)}");
            shown.AddRange(page.Document.QuerySelectorAll(".provenance tbody tr")
                .Select(r => (r.QuerySelector("td.file")!.Text(), int.Parse(r.Children[1].Text()))));
        }

        // Every article of a file is some document's source, so a file's parts read 1, 2, … k with no gap.
        Assert.NotEmpty(shown);
        Assert.All(shown.GroupBy(s => s.File), file =>
        {
            var parts = file.Select(s => s.Part).Distinct().Order().ToArray();
            Assert.Equal(Enumerable.Range(1, parts.Length), parts);
        });
    }

    [Fact]
    public async Task Unknown_document_is_404_on_the_page_and_the_api()
    {
        var page = await Html.Get(app.Client, "/documents/no-such-document");
        Assert.Equal(HttpStatusCode.NotFound, page.Response.StatusCode);
        Assert.Contains("找不到", page.Document.QuerySelector("h1")!.TextContent);

        var api = await app.Client.GetAsync("/api/documents/no-such-document");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.True(JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.TryGetProperty("detail", out _));

        var unknownApi = await app.Client.GetAsync("/api/no-such-endpoint");
        Assert.Equal(HttpStatusCode.NotFound, unknownApi.StatusCode);
        Assert.True(JsonDocument.Parse(await unknownApi.Content.ReadAsStringAsync()).RootElement.TryGetProperty("detail", out _));

        var route = await Html.Get(app.Client, "/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, route.Response.StatusCode);
        Assert.Equal("404", route.Document.QuerySelector("h1")!.Text());
    }
}
