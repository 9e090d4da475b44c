using System.Net;
using Corpus.Search;
using Corpus.Web.Tests.Support;

namespace Corpus.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class PageContentTests(AppFixture app)
{
    [Theory]
    [InlineData("left")]
    [InlineData("right")]
    [InlineData("document")]
    public async Task Concordance_page_lists_every_line_in_the_chosen_order(string sort)
    {
        var order = sort switch { "left" => ConcordanceSort.Left, "right" => ConcordanceSort.Right, _ => ConcordanceSort.Document };
        var expected = app.Search.Concordance(new SearchRequest(Samples.CommonPhrase), order, limit: 1000);

        var page = await Html.Get(app.Client, $"/concordance?q={Uri.EscapeDataString(Samples.CommonPhrase)}&sort={sort}");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        var rows = page.Document.QuerySelectorAll("table.kwic tbody tr");
        Assert.Equal(expected.Lines.Count, rows.Length);
        Assert.Equal(
            expected.Lines.Select(l => (l.Left, l.Match, l.Right)),
            rows.Select(r => (r.QuerySelector("td.left")!.TextContent, r.QuerySelector("td.match")!.TextContent, r.QuerySelector("td.right")!.TextContent)));
        var csv = page.Document.QuerySelector("a[download]")!.GetAttribute("href")!;
        // The CSV link keeps the order (document order is the default and stays out of the URL).
        Assert.Equal(sort != "document", csv.Contains($"sort={sort}"));
    }

    [Fact]
    public async Task About_page_shows_the_corpus_statistics_and_tables_that_add_up()
    {
        var stats = app.Search.Stats();

        var page = await Html.Get(app.Client, "/about");

        var cards = page.Document.QuerySelectorAll(".stat-grid div")
            .ToDictionary(d => d.QuerySelector("dt")!.Text(), d => d.QuerySelector("dd")!.Text());
        Assert.Equal(stats.Documents.ToString("N0"), cards["文档"]);
        Assert.Equal(stats.DuplicatesMerged.ToString(), cards["合并的重复稿"]);
        Assert.Equal(stats.Files.ToString(), cards["原始文件"]);
        Assert.Equal(stats.Skipped.Count.ToString(), cards["跳过的文件"]);
        Assert.Contains(stats.From!.Value.ToString("yyyy-MM-dd"), cards["日期范围"]);
        foreach (var table in page.Document.QuerySelectorAll(".count-tables table"))
        {
            var total = table.QuerySelectorAll("tbody td.num").Sum(td => int.Parse(td.Text()));
            Assert.Equal(stats.Documents, total);
        }
    }
}
