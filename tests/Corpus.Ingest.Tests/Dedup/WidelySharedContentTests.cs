using System.Text;
using System.Text.Json;
using Corpus.Ingest.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Ingest.Tests.Dedup;

/// <summary>Copies whose content is found in many texts: an article printed in many cut versions, and texts built of
/// sentences that recur across a corpus, beside pages that share a licence block. Real documentation text from
/// tests/data/realtext, chosen through its manifest.</summary>
public sealed class WidelySharedContentTests
{
    private static readonly JsonElement Manifest =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.RealText, "manifest.json"))).RootElement;

    [Fact]
    public void An_article_printed_in_many_cut_versions_is_one_document_while_pages_sharing_a_licence_stay_apart()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.RealText, LongestPlainSection())).Where(l => l.Trim().Length > 0).ToList();
        // The full text and eight versions cut after ever fewer lines, down to half: the first half is in nine texts.
        var cuts = Enumerable.Range(0, 9).Select(k => lines.Count - k * (lines.Count / 2) / 8).ToList();
        Assert.True(cuts[^1] >= lines.Count / 2 && cuts.Distinct().Count() == 9);

        using var corpus = new TempCorpus();
        var versions = cuts.Select((cut, k) => corpus.Write($"version{k}.txt", Encoding.UTF8.GetBytes(string.Join("\n\n", lines.Take(cut)) + "\n"))).ToList();
        var twins = NearTwins();
        foreach (var twin in twins)
        {
            corpus.Write(Path.GetFileName(twin), File.ReadAllBytes(Path.Combine(RepoPaths.RealText, twin)));
        }
        var result = new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(corpus.Dir);

        var holders = versions.Select(v => HolderOf(result, Path.GetFileName(v))).Distinct().ToList();
        Assert.Single(holders);
        foreach (var document in result.Documents)
        {
            Assert.True(document.Sources.Count(s => twins.Select(Path.GetFileName).Contains(s.File)) <= 1, $"{document.Title} merges pages");
        }
    }

    [Fact]
    public void Cut_copies_of_texts_built_from_recurring_sentences_join_their_originals_and_nothing_else_merges()
    {
        // Forty sentences, each in about fifteen of sixty texts of ten: one by one every sentence is boilerplate, the
        // order of a text's sentences is its own.
        var pool = Manifest.GetProperty("files").EnumerateArray()
            .Where(f => f.GetProperty("encoding").GetString() == "utf-8" && f.GetProperty("script").GetString() == "simplified" && !f.TryGetProperty("copy_of", out _))
            .SelectMany(f => File.ReadAllText(Path.Combine(RepoPaths.RealText, f.GetProperty("reference").GetString()!)).Split('。', '\n'))
            .Select(s => s.Trim())
            .Where(s => s.Length >= 25 && s.Count(c => c >= '\u4e00' && c <= '\u9fff') >= 15)
            .Distinct()
            .Take(40)
            .Select(s => s + "。")
            .ToList();
        Assert.Equal(40, pool.Count);
        var random = new Random(10);
        var texts = Enumerable.Range(0, 60).Select(_ => Enumerable.Range(0, 10).Select(_ => pool[random.Next(pool.Count)]).ToList()).ToList();

        using var corpus = new TempCorpus();
        for (var i = 0; i < texts.Count; i++)
        {
            corpus.Write($"text{i:D2}.txt", Encoding.UTF8.GetBytes(Paragraphs(texts[i])));
        }
        const int copies = 6;
        for (var i = 0; i < copies; i++)
        {
            corpus.Write($"cut{i:D2}.txt", Encoding.UTF8.GetBytes(Paragraphs(texts[i].Take(5))));
        }
        var result = new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(corpus.Dir);

        for (var i = 0; i < copies; i++)
        {
            Assert.Same(HolderOf(result, $"text{i:D2}.txt"), HolderOf(result, $"cut{i:D2}.txt"));
        }
        foreach (var document in result.Documents)
        {
            Assert.True(document.Sources.Count(s => s.File.StartsWith("text", StringComparison.Ordinal)) <= 1, $"{document.Title} merges distinct texts");
        }
    }

    [Fact]
    public void Pages_with_little_of_their_own_beside_a_shared_licence_stay_apart()
    {
        // Each page: the licence paragraphs pages share, then a short line of its own (a heading of real text). Apart from
        // that line a page is contained in every other one, so only rival containers tell boilerplate from a copy.
        var boilerplate = Manifest.GetProperty("near_twins").EnumerateArray()
            .SelectMany(g => g.GetProperty("boilerplate").EnumerateArray().Select(b => b.GetString()!)).ToList();
        var headings = File.ReadAllLines(Path.Combine(RepoPaths.RealText, LongestPlainSection()))
            .Select(l => l.Trim())
            .Where(l => l.Length is >= 6 and <= 14 && l.Count(c => c >= '\u4e00' && c <= '\u9fff') >= 4)
            .Distinct()
            .Take(16)
            .ToList();
        Assert.True(headings.Count >= 8);

        using var corpus = new TempCorpus();
        for (var i = 0; i < headings.Count; i++)
        {
            corpus.Write($"page{i:D2}.txt", Encoding.UTF8.GetBytes(string.Join("\n\n", boilerplate) + "\n\n" + headings[i] + "\n"));
        }
        var result = new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(corpus.Dir);

        Assert.All(result.Documents, d => Assert.Single(d.Sources));
    }

    private static string Paragraphs(IEnumerable<string> sentences) =>
        string.Join("\n\n", sentences.Chunk(2).Select(pair => string.Concat(pair))) + "\n";

    private static CleanDocument HolderOf(IngestResult result, string file) =>
        Assert.Single(result.Documents, d => d.Sources.Any(s => s.File == file));

    /// <summary>The reference of the longest plain, unwrapped section that is neither a planted copy nor a page sharing boilerplate.</summary>
    private static string LongestPlainSection()
    {
        var twins = NearTwins().ToHashSet();
        return Manifest.GetProperty("files").EnumerateArray()
            .Where(f => f.GetProperty("expect").GetString() == "decode" && f.GetProperty("wrap").GetString() == "none"
                && !f.TryGetProperty("copy_of", out _) && !f.TryGetProperty("interleave", out _) && !twins.Contains(f.GetProperty("path").GetString()!))
            .Select(f => f.GetProperty("reference").GetString()!)
            .MaxBy(r => new FileInfo(Path.Combine(RepoPaths.RealText, r)).Length)!;
    }

    private static List<string> NearTwins() =>
        [.. Manifest.GetProperty("near_twins").EnumerateArray().SelectMany(g => g.GetProperty("files").EnumerateArray().Select(f => f.GetString()!))];
}
