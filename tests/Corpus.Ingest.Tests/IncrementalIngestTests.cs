using Corpus.Ingest.Model;
using Corpus.Ingest.Processing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Ingest.Tests;

/// <summary>
/// Re-ingests of a process that keeps its processing cache in memory (the site) compare again only what a change can
/// affect (grouping, merging, layout interleaves): round after round of added copies, planted cut copies, changed and
/// removed files, each gives exactly what a clean ingest of the same folder gives, and a copy added later still merges.
/// </summary>
public sealed class IncrementalIngestTests : IDisposable
{
    private readonly TempCorpus corpus = new();
    private readonly string cacheDir = Path.Combine(Path.GetTempPath(), "corpus-cache-" + Guid.NewGuid().ToString("N"));
    private readonly IngestPipeline pipeline = new(NullLogger<IngestPipeline>.Instance);

    public static TheoryData<string, int> Corpora => new()
    {
        { "seeds", 11 },
        { "gen-300", 7 },
    };

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Every_re_ingest_after_changes_gives_what_a_clean_ingest_gives(string source, int seed)
    {
        var root = source == "seeds" ? RepoPaths.SeedCorpus : Path.Combine(RepoPaths.Generated300, "raw");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            corpus.Write(Path.GetRelativePath(root, file), File.ReadAllBytes(file));
        }
        using var cache = new ProcessingCache(cacheDir, NullLogger<ProcessingCache>.Instance);
        var random = new Random(seed);
        var last = pipeline.Run(corpus.Dir, cache: cache);
        for (var round = 1; round <= 3; round++)
        {
            var article = Pick(random, last.Documents.Where(d => d.Sources.Count == 1 && d.Text.Count(c => c == '。') >= 8));
            // The files there were: the planted copy's original stays as it is.
            var files = Directory.EnumerateFiles(corpus.Dir, "*", SearchOption.AllDirectories)
                .Where(f => f != Path.Combine(corpus.Dir, article.Sources[0].File)).Order(StringComparer.Ordinal).ToList();
            // A planted copy of one article with a sentence cut from its middle: not an exact copy, so only grouping's
            // near-duplicate or containment evidence can merge it.
            var sentences = article.Text.Split('。');
            var cut = sentences.Length / 2;
            var planted = $"planted/{round}.txt";
            corpus.Write(planted, System.Text.Encoding.UTF8.GetBytes(
                article.Title + "\n\n" + string.Join('。', sentences.Take(cut).Concat(sentences.Skip(cut + 1)))));
            // An exact copy of a whole file under another name, a changed file and a removed one.
            var copied = Pick(random, files);
            corpus.Write($"copies/{round}.txt", File.ReadAllBytes(copied));
            var changed = Pick(random, files.Where(f => f != copied));
            File.AppendAllText(changed, $"\n\n第{round}轮修改时补充了一段此前没有的文字，说明修改后的文件要重新处理。\n");
            if (round > 1)
            {
                File.Delete(Pick(random, files.Where(f => f != copied && f != changed)));
            }

            last = pipeline.Run(corpus.Dir, cache: cache);

            Assert.Equal(IngestSnapshot.Of(pipeline.Run(corpus.Dir)), IngestSnapshot.Of(last));
            var home = Assert.Single(last.Documents, d => d.Sources.Any(s => s.File == planted));
            Assert.Contains(home.Sources, s => s.File == article.Sources[0].File);
            var copiedRelative = Path.GetRelativePath(corpus.Dir, copied).Replace('\\', '/');
            Assert.All(
                last.Documents.Where(d => d.Sources.Any(s => s.File == $"copies/{round}.txt")),
                d => Assert.Contains(d.Sources, s => s.File == copiedRelative));
        }
    }

    public void Dispose()
    {
        corpus.Dispose();
        if (Directory.Exists(cacheDir))
        {
            Directory.Delete(cacheDir, recursive: true);
        }
    }

    private static T Pick<T>(Random random, IEnumerable<T> items)
    {
        var list = items.ToList();
        return list[random.Next(list.Count)];
    }
}
