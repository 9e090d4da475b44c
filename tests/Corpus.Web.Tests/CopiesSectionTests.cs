using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Corpus.Search;
using Corpus.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Web.Tests;

/// <summary>The document page of a merged document from the real-text fixtures: each copy whose text differs is shown
/// with what it changes against the chosen text, and a phrase only a copy holds is highlighted there. No browser, no script.</summary>
public sealed partial class CopiesSectionTests(CopiesSectionTests.RealTextApp app) : IClassFixture<CopiesSectionTests.RealTextApp>
{
    [Fact]
    public async Task Each_differing_copy_shows_its_changes_and_its_hits()
    {
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.RealText, "manifest.json"))).RootElement;
        var edited = manifest.GetProperty("files").EnumerateArray().Single(f => f.TryGetProperty("edit", out _));
        var file = edited.GetProperty("path").GetString()!["corpus/".Length..];
        var edit = edited.GetProperty("edit");
        var document = app.Search.AllDocuments().Single(d => d.Sources.Any(s => s.File == file));
        Assert.NotEmpty(document.Copies);
        // Whichever form of the edited sentence the chosen text lacks is a phrase only a copy holds.
        var phrase = new[] { edit.GetProperty("original_sentence").GetString()!, edit.GetProperty("extra_paragraph").GetString()! }
            .SelectMany(s => CjkRuns().Matches(s).Select(m => m.Value))
            .Where(run => !Samples.WithoutSpaces(document.Text).Contains(run, StringComparison.Ordinal))
            .MaxBy(run => run.Length)!;
        Assert.NotNull(phrase);

        var page = await Html.Get(app.Client, $"/documents/{Uri.EscapeDataString(document.Id)}?q={Uri.EscapeDataString(phrase)}");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Empty(page.Document.QuerySelectorAll(".doc-text mark.hit"));
        var copies = page.Document.QuerySelectorAll("section.copies details.copy");
        Assert.Equal(document.Copies.Count, copies.Length);
        Assert.Equal(document.Copies.Select(c => c.File), copies.Select(c => c.QuerySelector("summary .file")!.Text()));
        var holding = copies.Where(c => c.QuerySelectorAll(".copy-text mark.hit").Any(m => Samples.WithoutSpaces(m.TextContent) == phrase)).ToList();
        Assert.NotEmpty(holding);
        Assert.All(holding, c => Assert.True(c.HasAttribute("open"), "a copy with hits opens by itself"));
        // The copy's own text as paragraphs, and the phrase among what it adds to the chosen text.
        var first = holding[0];
        var copy = document.Copies[copies.Index().First(c => c.Item == first).Index];
        foreach (var tools in first.QuerySelectorAll(".copy-text .hit-tools"))
        {
            tools.Remove();
        }
        Assert.Equal(copy.Text.Split('\n').Where(p => p.Trim().Length > 0), first.QuerySelectorAll(".copy-text p").Select(p => p.TextContent));
        var inserted = first.QuerySelectorAll(".copy-diff ins").Select(i => i.TextContent.Replace(i.QuerySelector(".visually-hidden")!.TextContent, "")).ToList();
        Assert.Contains(inserted, i => Samples.WithoutSpaces(i).Contains(phrase, StringComparison.Ordinal));
        Assert.All(first.QuerySelectorAll(".copy-diff del, .copy-diff ins"), e => Assert.NotNull(e.QuerySelector(".visually-hidden")));
        Assert.Contains("重复稿中有", page.Document.QuerySelector(".hit-nav")!.TextContent);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{4,}")]
    private static partial Regex CjkRuns();

    /// <summary>The app on the real-text fixtures, ingested once for this class.</summary>
    public sealed class RealTextApp : IAsyncLifetime
    {
        private readonly string tempDir = CorpusApp.TempDir("realtext");
        private WebApplicationFactory<Program> factory = null!;

        public HttpClient Client { get; private set; } = null!;

        public SearchService Search => factory.Services.GetRequiredService<SearchService>();

        public async Task InitializeAsync()
        {
            factory = CorpusApp.Create(new Dictionary<string, string?>
            {
                ["Corpus:CorpusPath"] = Path.Combine(RepoPaths.RealText, "corpus"),
                ["Corpus:IndexPath"] = Path.Combine(tempDir, "index"),
                ["RateLimiting:Disabled"] = "true",
            }, new LogCapture(), tempDir);
            Client = factory.CreateClient();
            await CorpusApp.WaitUntilReady(Client, TimeSpan.FromMinutes(2));
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await factory.DisposeAsync();
            try
            {
                Directory.Delete(tempDir, recursive: true);
            }
            catch (IOException)
            {
                // Log files may still be closing.
            }
        }
    }
}
