using System.Text.Json;
using System.Text.RegularExpressions;
using Corpus.Ingest.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Ingest.Tests;

/// <summary>The cleaning rules on real documentation text (tests/data/realtext), against the manifest's oracles: the
/// reference text of each file and the page furniture each PDF-style file was given.</summary>
public sealed partial class RealTextFixtureTests
{
    private static readonly string Root = Path.Combine(RepoPaths.Root, "tests", "data", "realtext");

    private static readonly Lazy<IngestResult> Result =
        new(() => new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(Path.Combine(Root, "corpus")));

    /// <summary>Files the decoder on this branch reads (UTF-8, GB18030), with their manifest entries.</summary>
    private static List<JsonElement> Files(string? wrap = null)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "manifest.json")));
        return [.. manifest.RootElement.GetProperty("files").EnumerateArray()
            .Where(f => f.GetProperty("expect").GetString() == "decode"
                && f.GetProperty("encoding").GetString() is "utf-8" or "gb18030"
                && (wrap is null || f.TryGetProperty("wrap", out var w) && w.GetString() == wrap))
            .Select(f => f.Clone())];
    }

    private static string Relative(JsonElement file) => file.GetProperty("path").GetString()!["corpus/".Length..];

    /// <summary>The documents whose text the file gave (a copy merged into another document is the merge's concern).</summary>
    private static List<CleanDocument> DocumentsOf(string relative) =>
        [.. Result.Value.Documents.Where(d => d.Sources.Any(s => s.File == relative && !s.Duplicate))];

    [Fact]
    public void Every_paragraph_of_a_file_wrapped_at_a_common_margin_comes_out_whole()
    {
        // Planted copies are left to the merge: which copy gives a merged document's text is its choice.
        var files = Files("indented").Where(f => !f.TryGetProperty("copy_of", out _)).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var documents = DocumentsOf(Relative(file));
            var text = Unspaced(string.Join("\n", documents.Select(d => d.Title + "\n" + d.Text)));
            var headings = file.GetProperty("headings").EnumerateArray().Select(h => h.GetInt32()).ToHashSet();
            var reference = File.ReadAllLines(Path.Combine(Root, file.GetProperty("reference").GetString()!));
            foreach (var paragraph in reference.Where((l, i) => l.Trim().Length > 0 && !headings.Contains(i)))
            {
                // A paragraph found whole, with no line break left inside it, whatever the spaces around Latin words.
                Assert.True(text.Contains(Unspaced(paragraph), StringComparison.Ordinal), $"{Relative(file)}: {paragraph}");
            }
        }
    }

    [Fact]
    public void Page_numbers_and_running_headers_are_dropped_with_their_reason_and_nothing_else()
    {
        foreach (var file in Files("pdf"))
        {
            var relative = Relative(file);
            var expected = file.GetProperty("pages").EnumerateArray()
                .SelectMany(p => new[] { (Unspaced(p.GetProperty("header").GetString()!), "running header"), (Unspaced(p.GetProperty("footer").GetString()!), "page number") })
                .Order()
                .ToList();
            var dropped = Result.Value.Dropped.Where(d => d.File == relative && d.Reason is "page number" or "running header").Select(d => (Unspaced(d.Text), d.Reason)).Order().ToList();
            Assert.Equal(expected, dropped);
        }
    }

    [Fact]
    public void A_block_the_layout_put_into_another_articles_sentence_goes_back_and_the_sentence_is_rejoined()
    {
        var planted = Files().Where(f => f.TryGetProperty("interleave", out _)).ToList();
        Assert.NotEmpty(planted);
        foreach (var file in planted)
        {
            var interleave = file.GetProperty("interleave");
            var documents = Result.Value.Documents.Where(d => d.Sources.Any(s => s.File == Relative(file))).ToList();
            var host = Assert.Single(documents, d => Unspaced(d.Title) == Unspaced(interleave.GetProperty("host_title").GetString()!));
            var owner = Assert.Single(documents, d => Unspaced(d.Title) == Unspaced(interleave.GetProperty("owner_title").GetString()!));
            // A phrase of the block finds its own article only (every document of the corpus, copies included).
            foreach (var paragraph in interleave.GetProperty("block").EnumerateArray().Select(p => Unspaced(p.GetString()!)))
            {
                var holders = Result.Value.Documents.Where(d => new[] { d.Text }.Concat(d.Copies.Select(c => c.Text)).Any(t => Unspaced(t).Contains(paragraph, StringComparison.Ordinal)));
                Assert.Equal([owner.Id], holders.Select(d => d.Id));
            }
            // The broken sentence is whole again: no line break and no block inside it.
            Assert.Contains(Unspaced(interleave.GetProperty("rejoined").GetString()!), Unspaced(host.Text), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Documentation_gets_no_invented_speaker_kind_or_date_and_is_not_split_at_its_headings()
    {
        // Files of several dated sections: each section is a document with the date it states, and nothing else.
        foreach (var file in Files().Where(f => f.TryGetProperty("articles", out _)))
        {
            var documents = Result.Value.Documents.Where(d => d.Sources.Any(s => s.File == Relative(file))).ToList();
            var articles = file.GetProperty("articles").EnumerateArray().ToList();
            Assert.Equal(articles.Count, documents.Count);
            foreach (var article in articles)
            {
                var document = Assert.Single(documents, d => Unspaced(d.Title) == Unspaced(article.GetProperty("title").GetString()!));
                var date = Regex.Match(article.GetProperty("date").GetString()!, @"(\d+)年(\d+)月(\d+)日");
                Assert.Equal(new DateOnly(int.Parse(date.Groups[1].Value), int.Parse(date.Groups[2].Value), int.Parse(date.Groups[3].Value)), document.Date);
                Assert.Null(document.Kind);
                Assert.Null(document.Speaker);
            }
        }
        foreach (var file in Files().Where(f => !f.TryGetProperty("articles", out _)))
        {
            var document = Assert.Single(Result.Value.Documents, d => d.Sources.Any(s => s.File == Relative(file)));
            Assert.Null(document.Speaker);
            Assert.Null(document.Date);
            Assert.Null(document.Kind);
        }
        // The report says so: no kind, speaker or date stated or inferred anywhere in the documentation but the dates planted.
        var coverage = Result.Value.Coverage!;
        var datesPlanted = Files().Sum(f => f.TryGetProperty("articles", out var a) ? a.GetArrayLength() : 0);
        Assert.Equal((0, 0, datesPlanted, 0, Result.Value.Documents.Count),
            (coverage.Kind.Stated, coverage.Speaker.Stated, coverage.Date.Stated, coverage.Date.Inferred, coverage.Kind.Unknown));
    }

    /// <summary>Without spaces (extraction and the cleaning treat them differently around Latin words); line breaks stay.</summary>
    private static string Unspaced(string text) => WhiteSpace().Replace(text, "");

    [GeneratedRegex(@"[ \t\u00A0\u3000]+")]
    private static partial Regex WhiteSpace();
}
