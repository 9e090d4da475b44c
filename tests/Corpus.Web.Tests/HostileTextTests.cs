using System.Net;
using System.Text.Json;
using Corpus.Search;
using Corpus.Search.Json;
using Corpus.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Web.Tests;

/// <summary>
/// A corpus whose document carries markup in its title and text (<c>&lt;b&gt;&amp;</c>, <c>&lt;/script&gt;</c>):
/// every page shows it as text, the JSON escapes it, the CSV holds it as is.
/// </summary>
public sealed class HostileTextTests(HostileTextTests.HostileCorpus app) : IClassFixture<HostileTextTests.HostileCorpus>
{
    private const string Phrase = "疫情防控";

    [Theory]
    [InlineData("/?q=")]
    [InlineData("/concordance?q=")]
    public async Task Result_pages_show_the_markup_as_text(string prefix)
    {
        var hit = app.Hit();
        var page = await Html.Get(app.Client, prefix + Uri.EscapeDataString(Phrase));

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        AssertShownAsText(page, hit.Title);
        Assert.Contains("<b>&nbsp;", page.Document.Body!.TextContent);
    }

    [Fact]
    public async Task Snippets_mark_the_hits_and_keep_the_text_around_them_as_text()
    {
        var page = await Html.Get(app.Client, "/?q=" + Uri.EscapeDataString(Phrase));

        var marks = page.Document.QuerySelectorAll("mark");
        Assert.NotEmpty(marks);
        Assert.All(marks, mark => Assert.Equal(Phrase, mark.TextContent));
        Assert.All(marks, mark => Assert.Empty(mark.Children));
    }

    [Fact]
    public async Task The_document_page_shows_the_markup_as_text()
    {
        var hit = app.Hit();
        var page = await Html.Get(app.Client, $"/documents/{Uri.EscapeDataString(hit.Id)}?q={Uri.EscapeDataString(Phrase)}");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        AssertShownAsText(page, hit.Title);
        Assert.Equal(hit.Title, page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("<b>&nbsp;", page.Document.Body!.TextContent);
    }

    [Theory]
    [InlineData("/api/search?q=")]
    [InlineData("/api/concordance?q=")]
    public async Task The_json_escapes_markup_and_reads_back_as_the_original(string prefix)
    {
        var hit = app.Hit();
        var body = await app.Client.GetStringAsync(prefix + Uri.EscapeDataString(Phrase));

        // Escaped in the raw text (a page embedding it cannot be broken out of), the same text once parsed.
        Assert.DoesNotContain("<", body);
        Assert.DoesNotContain("&", body);
        Assert.Contains(@"\u003Cb\u003E\u0026", body);
        Assert.Contains(hit.Title, JsonDocument.Parse(body).RootElement.EnumerateStrings());
    }

    [Fact]
    public async Task The_csv_holds_the_title_and_context_as_is()
    {
        var hit = app.Hit();
        var rows = Csv.Parse(await app.Client.GetStringAsync("/concordance.csv?q=" + Uri.EscapeDataString(Phrase)));

        var titleColumn = Array.IndexOf(rows[0], "title");
        Assert.Contains(rows.Skip(1), row => row[titleColumn] == hit.Title);
        Assert.Contains(rows.Skip(1), row => string.Concat(row).Contains("<b>&nbsp;", StringComparison.Ordinal));
    }

    private static void AssertShownAsText(Html.Page page, string title)
    {
        Assert.Contains("<b>&", title);
        Assert.Contains("</script>", title);
        Assert.Contains(title, page.Document.Body!.TextContent);
        Assert.Empty(page.Document.QuerySelectorAll("main b"));
        Assert.All(page.Document.Scripts, script => Assert.False(string.IsNullOrEmpty(script.Source)));
        Assert.DoesNotContain("<b>&", page.Source);
        Assert.DoesNotContain("</script><script>alert", page.Source);
    }

    /// <summary>The app on a corpus of one file written here, whose article has markup in its headline and text.</summary>
    public sealed class HostileCorpus : IAsyncLifetime
    {
        public const string Text = """
            关于<b>&疫情</script>防控的讲话

            3月10日电 会议强调，要坚持<b>&nbsp;疫情防控</script><script>alert(1)</script>和经济社会发展一体推进。
            会议指出，疫情防控工作取得积极成效，各地要继续做好疫情防控各项工作。
            """;

        private readonly string tempDir = CorpusApp.TempDir("hostile");

        public WebApplicationFactory<Program> Factory { get; private set; } = null!;

        public HttpClient Client { get; private set; } = null!;

        public SearchHit Hit() => Assert.Single(Factory.Services.GetRequiredService<SearchService>().Search(new SearchRequest(Phrase)).Hits);

        public async Task InitializeAsync()
        {
            var corpus = Path.Combine(tempDir, "corpus");
            Directory.CreateDirectory(corpus);
            await File.WriteAllTextAsync(Path.Combine(corpus, "hostile.txt"), Text);
            Factory = CorpusApp.Create(new Dictionary<string, string?>
            {
                ["Corpus:CorpusPath"] = corpus,
                ["Corpus:IndexPath"] = Path.Combine(tempDir, "index"),
                ["RateLimiting:Disabled"] = "true",
            }, new LogCapture(), tempDir);
            Client = Factory.CreateClient();
            await CorpusApp.WaitUntilReady(Client, TimeSpan.FromMinutes(2));
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await Factory.DisposeAsync();
            try
            {
                Directory.Delete(tempDir, recursive: true);
            }
            catch (IOException)
            {
                // Log files may still be closing; the temp folder is cleaned by the system eventually.
            }
        }
    }
}

file static class JsonStrings
{
    /// <summary>Every string value anywhere in the document.</summary>
    public static IEnumerable<string> EnumerateStrings(this JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Value.EnumerateStrings()),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => e.EnumerateStrings()),
        _ => [],
    };
}
