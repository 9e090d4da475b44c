using System.Net;
using System.Text;
using Corpus.Search;
using Corpus.Web.Api;
using Corpus.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Web.Tests;

public sealed class ConcordanceCsvTests
{
    [Fact]
    public void Cells_that_a_spreadsheet_would_run_as_formulas_are_kept_as_text()
    {
        string[] attacks = ["=HYPERLINK(\"http://x\",\"点击\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"];
        var lines = attacks.Select((attack, i) => new ConcordanceLine(attack, attack, null, attack, attack, attack, i)).ToList();
        var harmless = new ConcordanceLine("a-b", "1=1 不是公式", new DateOnly(2020, 3, 10), "左侧，", "疫情", "“+右侧”", 7);

        var rows = Csv.Parse(Encoding.UTF8.GetString(ConcordanceCsv.Write(new ConcordanceResult(lines.Count + 1, [.. lines, harmless], false))[3..]));

        Assert.Equal(attacks.Length + 2, rows.Count);
        foreach (var (row, attack) in rows.Skip(1).Zip(attacks))
        {
            // Every text cell starts with the apostrophe and keeps the value whole after it; offsets are numbers.
            Assert.All(new[] { row[0], row[1], row[3], row[4], row[5] }, cell => Assert.Equal("'" + attack, cell));
            Assert.Matches("^[0-9]+$", row[6]);
        }
        Assert.Equal(["a-b", "1=1 不是公式", "2020-03-10", "左侧，", "疫情", "“+右侧”", "7"], rows[^1]);
    }

    [Fact]
    public async Task A_cut_download_says_so_in_its_headers_and_on_the_page()
    {
        var temp = CorpusApp.TempDir("csv-limit");
        const int limit = 5;
        await using var factory = CorpusApp.Create(new Dictionary<string, string?>
        {
            ["Corpus:CorpusPath"] = RepoPaths.SeedCorpus,
            ["Corpus:IndexPath"] = Path.Combine(temp, "index"),
            ["Concordance:DownloadLimit"] = limit.ToString(),
        }, new LogCapture(), temp);
        using var client = factory.CreateClient();
        await CorpusApp.WaitUntilReady(client, TimeSpan.FromMinutes(5));
        var phrase = Uri.EscapeDataString(Samples.CommonPhrase);
        var total = factory.Services.GetRequiredService<SearchService>()
            .Concordance(new SearchRequest(Samples.CommonPhrase), ConcordanceSort.Document, limit: int.MaxValue).Total;
        Assert.True(total > limit, $"the seed corpus has {total} occurrences, too few to cut at {limit}");

        foreach (var url in new[] { $"/concordance.csv?q={phrase}", $"/api/concordance?q={phrase}&format=csv" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("true", Assert.Single(response.Headers.GetValues("X-Corpus-Truncated")));
            Assert.Equal(total.ToString(), Assert.Single(response.Headers.GetValues("X-Corpus-Total")));
            var rows = Csv.Parse(Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]));
            Assert.Equal(limit, rows.Count - 1);
        }

        var page = await Html.Get(client, $"/concordance?q={phrase}");
        var link = page.Document.QuerySelector("a[download]")!.Text();
        Assert.Contains($"前 {limit} 处", link);
        Assert.Contains($"共 {total} 处", link);
    }
}
