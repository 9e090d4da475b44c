using System.Net;
using Corpus.Search;
using Corpus.Web.Tests.Support;

namespace Corpus.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class PageContentTests(AppFixture app)
{
    [Theory]
    [InlineData("left")]
    [InlineData("rightword1,date")]
    [InlineData("")]
    public async Task Concordance_page_lists_a_page_of_lines_in_the_chosen_order_and_links_the_next(string sort)
    {
        var keys = ConcordanceNames.ParseSort([sort]);
        var expected = app.Search.Concordance(new ConcordanceRequest(new SearchRequest(Samples.CommonPhrase), keys, Size: 5));

        var page = await Html.Get(app.Client, $"/concordance?q={Uri.EscapeDataString(Samples.CommonPhrase)}&sort={sort}&size=5");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        var rows = page.Document.QuerySelectorAll("table.kwic tbody tr");
        Assert.Equal(expected.Lines.Count, rows.Length);
        Assert.Equal(
            expected.Lines.Select(l => (l.Left, l.Match, l.Right)),
            rows.Select(r => (r.QuerySelector("td.left")!.TextContent, r.QuerySelector("td.match")!.TextContent, r.QuerySelector("td.right")!.TextContent)));
        var next = page.Document.QuerySelector("a[rel='next']")!.GetAttribute("href")!;
        Assert.Contains("after=" + Uri.EscapeDataString(expected.Next!), next);
        var csv = page.Document.QuerySelector("a[download]")!.GetAttribute("href")!;
        // The CSV link keeps the order (document order is the default and stays out of the URL) but not the cursor.
        Assert.Equal(sort != "", Uri.UnescapeDataString(csv).Contains("sort=" + sort));
        Assert.DoesNotContain("after=", csv);
    }

    [Fact]
    public async Task Collocations_and_frequencies_pages_show_the_service_figures()
    {
        var collocations = app.Search.Collocations(new CollocationRequest(new SearchRequest(Samples.CommonPhrase)));
        var page = await Html.Get(app.Client, $"/collocations?q={Uri.EscapeDataString(Samples.CommonPhrase)}");
        Assert.Equal(
            collocations.Collocates.Select(c => (c.Word, c.Count.ToString())),
            page.Document.QuerySelectorAll("table.stats-table tbody tr").Select(r => (r.Children[0].Text(), r.Children[1].Text())));

        var frequencies = app.Search.Frequencies(new FrequencyRequest(new SearchRequest("", Kinds: ["讲话"]), Compare: true));
        page = await Html.Get(app.Client, "/frequencies?kind=讲话&compare=corpus");
        var tables = page.Document.QuerySelectorAll("table.stats-table");
        Assert.Equal(2, tables.Length);
        Assert.Equal(frequencies.Words.Select(w => w.Word), tables[0].QuerySelectorAll("tbody tr").Select(r => r.Children[0].Text()));
        Assert.Equal(frequencies.Keywords!.Select(w => w.Word), tables[1].QuerySelectorAll("tbody tr").Select(r => r.Children[0].Text()));
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
