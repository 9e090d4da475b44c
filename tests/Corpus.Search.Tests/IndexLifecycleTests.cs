using Corpus.Ingest;
using Corpus.Ingest.Model;
using Corpus.Search.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Search.Tests;

public sealed class IndexLifecycleTests : IDisposable
{
    private readonly string indexDir = Path.Combine(Path.GetTempPath(), "corpus-lifecycle-" + Guid.NewGuid().ToString("N"));
    private readonly IngestResult seeds = Ingest.Run(RepoPaths.SeedCorpus);

    [Fact]
    public void AMissingIndexFolderIsAnEmptyIndex()
    {
        using var index = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance);
        var service = new SearchService(index);
        Assert.Null(index.Fingerprint);
        Assert.Equal(0, service.Search(new SearchRequest("疫情")).Total);
        Assert.Equal(0, service.Stats().Documents);
        Assert.Empty(service.AllDocuments());
    }

    [Fact]
    public void ReIngestReplacesRatherThanDuplicates()
    {
        using var index = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance);
        var service = new SearchService(index);
        index.Replace(seeds);
        var before = service.Search(new SearchRequest("疫情")).Total;
        index.Replace(seeds);
        Assert.Equal(seeds.Documents.Count, service.Stats().Documents);
        Assert.Equal(before, service.Search(new SearchRequest("疫情")).Total);

        // One document changed, one gone: the index follows.
        var changed = seeds.Documents[0] with { Text = "独一无二的测试段落" };
        index.Replace(seeds with { Documents = [changed, .. seeds.Documents.Skip(2)], Fingerprint = "changed" });
        Assert.Equal(seeds.Documents.Count - 1, service.Stats().Documents);
        Assert.Equal(changed.Id, Assert.Single(service.Search(new SearchRequest("独一无二")).Hits).Id);
        Assert.Null(service.GetDocument(seeds.Documents[1].Id, null));
        Assert.Equal("changed", index.Fingerprint);
    }

    [Fact]
    public void ReIngestRewritesOnlyTheDocumentsThatChanged()
    {
        using var index = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance);
        var service = new SearchService(index);
        Assert.Equal(new IndexChanges(true, seeds.Documents.Count, 0), index.Replace(seeds));

        Assert.Equal(new IndexChanges(false, 0, 0), index.Replace(seeds with { Fingerprint = "same documents" }));

        var changed = seeds.Documents[3] with { Venue = "别处" };
        var changes = index.Replace(seeds with { Documents = [.. seeds.Documents.Take(3), changed, .. seeds.Documents.Skip(5)] });
        Assert.Equal(new IndexChanges(false, 1, 1), changes);
        Assert.Equal(seeds.Documents.Count - 1, service.Stats().Documents);
        Assert.Equal("别处", service.GetDocument(changed.Id, null)!.Document.Venue);
        Assert.Equal(seeds.Fingerprint, index.Fingerprint);
    }

    [Fact]
    public void NewCopiesOfExistingArticlesMergeAndRewriteOnlyThoseDocuments()
    {
        var corpusDir = indexDir + "-corpus";
        Directory.CreateDirectory(corpusDir);
        try
        {
            foreach (var file in Directory.EnumerateFiles(RepoPaths.SeedCorpus))
            {
                File.Copy(file, Path.Combine(corpusDir, Path.GetFileName(file)));
            }
            var pipeline = new IngestPipeline(NullLogger<IngestPipeline>.Instance);
            using var index = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance);
            var before = pipeline.Run(corpusDir);
            index.Replace(before);
            // A file copied under a new name: the same articles, one more source each, nothing else rewritten.
            var copied = Directory.EnumerateFiles(corpusDir).OrderBy(f => new FileInfo(f).Length).First();
            File.Copy(copied, Path.Combine(corpusDir, "zz-copy.txt"));
            var affected = before.Documents.Where(d => d.Sources.Any(s => s.File == Path.GetFileName(copied))).Select(d => d.Id).ToList();

            var after = pipeline.Run(corpusDir);
            var changes = index.Replace(after);

            Assert.NotEmpty(affected);
            Assert.Equal(before.Documents.Count, new SearchService(index).Stats().Documents);
            Assert.Equal(new IndexChanges(false, affected.Count, 0), changes);
            Assert.All(affected, id => Assert.Contains(
                "zz-copy.txt", new SearchService(index).GetDocument(id, null)!.Document.Sources.Select(s => s.File)));
        }
        finally
        {
            Directory.Delete(corpusDir, recursive: true);
        }
    }

    [Fact]
    public void MetadataAndDocumentsSurviveReopening()
    {
        var skipped = seeds with { Skipped = [new SkippedFile("bad.bin", "binary")], DuplicatesMerged = 3 };
        using (var index = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance))
        {
            index.Replace(skipped);
        }
        using var reopened = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance);
        var stats = new SearchService(reopened).Stats();
        Assert.Equal(seeds.Fingerprint, reopened.Fingerprint);
        Assert.Equal((seeds.Documents.Count, seeds.Files, 3), (stats.Documents, stats.Files, stats.DuplicatesMerged));
        Assert.Equal("bad.bin", Assert.Single(stats.Skipped).File);
        Assert.Equal(seeds.Documents.Sum(d => (long)d.Text.Length), stats.Characters);
        Assert.Equal(seeds.Documents.Min(d => d.Date), stats.From);
        Assert.Equal(seeds.Documents.Where(d => d.Kind is not null).GroupBy(d => d.Kind!).ToDictionary(g => g.Key, g => g.Count()), stats.Kind);
        Assert.NotNull(stats.IngestedAt);
        var exported = new SearchService(reopened).AllDocuments().ToList();
        Assert.Equal(seeds.Documents.OrderBy(d => d.Id, StringComparer.Ordinal).Select(Comparable), exported.Select(Comparable));
    }

    [Fact]
    public void StoredTextsComeBackExactlyWhateverTheirPlaneOrLength()
    {
        var texts = new[]
        {
            "𠀀𪚥𰻝 见于扩展区的字，😀 与 ASCII text, digits 2024 and a tab\there.",
            string.Concat(Enumerable.Repeat(seeds.Documents[0].Text + "\n", 400_000 / seeds.Documents[0].Text.Length + 1)),
            "x",
        };
        var changed = seeds.Documents.Take(texts.Length).Select((d, i) => d with { Text = texts[i] }).ToList();
        using var index = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance);
        index.Replace(seeds with { Documents = [.. changed, .. seeds.Documents.Skip(texts.Length)] });
        var service = new SearchService(index);

        Assert.All(changed, d => Assert.Equal(d.Text, service.GetDocument(d.Id, null)!.Document.Text));
        Assert.Equal(changed[0].Id, Assert.Single(service.Search(new SearchRequest("𪚥𰻝")).Hits).Id);
    }

    [Fact]
    public void IndexerIngestsOnlyWhenTheCorpusChanged()
    {
        var corpusDir = indexDir + "-corpus";
        Directory.CreateDirectory(corpusDir);
        try
        {
            foreach (var file in Directory.EnumerateFiles(RepoPaths.SeedCorpus))
            {
                File.Copy(file, Path.Combine(corpusDir, Path.GetFileName(file)));
            }
            using var index = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance);
            var indexer = new CorpusIndexer(new IngestPipeline(NullLogger<IngestPipeline>.Instance), index, NullLogger<CorpusIndexer>.Instance);
            var first = indexer.EnsureCurrent(corpusDir);
            Assert.NotNull(first);
            Assert.Equal(first.Documents.Count, new SearchService(index).Stats().Documents);
            Assert.Null(indexer.EnsureCurrent(corpusDir));
            File.WriteAllText(Path.Combine(corpusDir, "new.txt"), "一篇新的文章\n\n这是正文，讲到了独一无二的测试内容。\n");
            Assert.NotNull(indexer.EnsureCurrent(corpusDir));
            Assert.Equal(1, new SearchService(index).Search(new SearchRequest("独一无二的测试")).Total);
        }
        finally
        {
            Directory.Delete(corpusDir, recursive: true);
        }
    }

    [Fact]
    public void IndexerRebuildsAnIndexWrittenByAnotherBuild()
    {
        using (var index = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance))
        {
            var indexer = new CorpusIndexer(new IngestPipeline(NullLogger<IngestPipeline>.Instance), index, NullLogger<CorpusIndexer>.Instance);
            Assert.NotNull(indexer.EnsureCurrent(RepoPaths.SeedCorpus));
            Assert.True(index.WrittenByThisBuild);
        }
        // What an older build leaves behind: the same corpus fingerprint, another build stamp.
        using (var directory = Lucene.Net.Store.FSDirectory.Open(indexDir))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(
            Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer())))
        {
            var data = new Dictionary<string, string>(Lucene.Net.Index.DirectoryReader.ListCommits(directory)[^1].UserData) { ["index.build"] = "older" };
            writer.SetCommitData(data);
            writer.Commit();
        }
        using (var index = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance))
        {
            Assert.False(index.WrittenByThisBuild);
            var indexer = new CorpusIndexer(new IngestPipeline(NullLogger<IngestPipeline>.Instance), index, NullLogger<CorpusIndexer>.Instance);
            Assert.NotNull(indexer.EnsureCurrent(RepoPaths.SeedCorpus));
            Assert.True(index.WrittenByThisBuild);
            Assert.Null(indexer.EnsureCurrent(RepoPaths.SeedCorpus));
        }
    }

    [Fact]
    public void AFreshIndexServesItsFirstCommitThenMergesIntoOneSegmentAndLaterIngestsDoNotMergeAgain()
    {
        // A small write buffer makes the seed corpus flush several segments, as a large corpus does.
        using var index = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance) { RamBufferMb = 0.25 };
        var service = new SearchService(index);
        var whenMerging = new List<(int Segments, int Documents, int Hits)>();
        var stages = new List<string>();
        index.Replace(seeds, new ProgressOf(p =>
        {
            stages.Add(p.Stage);
            if (p is { Stage: IngestStages.Merge, FilesDone: 0 })
            {
                whenMerging.Add(Observe(service));
            }
        }));
        var merged = Observe(service);

        // Complete and served when the merge began; the same documents and hits afterwards, in one segment.
        var first = Assert.Single(whenMerging);
        Assert.True(first.Segments > 1, $"{first.Segments} segment(s) written: the test needs several");
        Assert.Equal(seeds.Documents.Count, first.Documents);
        Assert.True(first.Hits > 0);
        Assert.Equal((1, first.Documents, first.Hits), merged);

        // An update in place adds a segment and leaves merging to Lucene's policy.
        stages.Clear();
        var changed = seeds.Documents[0] with { Text = "独一无二的测试段落" };
        index.Replace(seeds with { Documents = [changed, .. seeds.Documents.Skip(1)], Fingerprint = "changed" }, new ProgressOf(p => stages.Add(p.Stage)));
        Assert.DoesNotContain(IngestStages.Merge, stages);
        Assert.True(Observe(service).Segments > 1);
    }

    [Fact]
    public void AMergeCancelledKeepsTheFirstCommitCompleteIntactAndCurrent()
    {
        using (var cancel = new CancellationTokenSource())
        using (var index = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance) { RamBufferMb = 0.25 })
        {
            var progress = new ProgressOf(p =>
            {
                if (p.Stage == IngestStages.Merge)
                {
                    cancel.Cancel();
                }
            });
            Assert.Throws<OperationCanceledException>(() => index.Replace(seeds, progress, cancel.Token));
            var kept = Observe(new SearchService(index));
            Assert.True(kept.Segments > 1, "the merge went through");
            Assert.Equal(seeds.Documents.Count, kept.Documents);
        }
        using var reopened = new CorpusIndex(indexDir, NullLogger<CorpusIndex>.Instance);
        Assert.Equal(IndexCondition.Intact, reopened.Verify().Condition);
        Assert.True(reopened.WrittenByThisBuild);
        Assert.Equal(seeds.Fingerprint, reopened.Fingerprint);
        Assert.Equal(seeds.Documents.Count, new SearchService(reopened).Stats().Documents);
    }

    /// <summary>The segments and documents of the folder's last commit, read apart from the index under test, and how
    /// many documents the service finds for a common phrase.</summary>
    private (int Segments, int Documents, int Hits) Observe(SearchService service)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(indexDir);
        using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
        return (reader.Leaves.Count, reader.NumDocs, service.Search(new SearchRequest("疫情")).Total);
    }

    /// <summary>Reports on the calling thread, in order (<see cref="Progress{T}"/> posts them elsewhere).</summary>
    private sealed class ProgressOf(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }

    private static string Comparable(CleanDocument d) =>
        System.Text.Json.JsonSerializer.Serialize(d, Json.CorpusJson.Options);

    public void Dispose()
    {
        if (Directory.Exists(indexDir))
        {
            Directory.Delete(indexDir, recursive: true);
        }
    }
}
