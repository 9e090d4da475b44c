using Corpus.Ingest.Model;
using Corpus.Ingest.Processing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Ingest.Tests;

/// <summary>
/// A process that ingests once (the <c>corpus</c> command) lets the texts go once they are in the processing cache on
/// disk and reads them back when wanted, so that a million articles need not fit in memory: the result is still exactly
/// that of an ingest holding everything, and its documents really come from the disk.
/// </summary>
public sealed class ReadBackIngestTests : IDisposable
{
    private readonly TempCorpus corpus = new();
    private readonly string cacheDir = Path.Combine(Path.GetTempPath(), "corpus-readback-" + Guid.NewGuid().ToString("N"));
    private readonly IngestPipeline pipeline = new(NullLogger<IngestPipeline>.Instance);

    public ReadBackIngestTests()
    {
        // Generated copies and near copies, the seeds and the real-text fixtures: merged groups, files of several
        // articles, and layout interleaves whose blocks move between documents.
        Copy(Path.Combine(RepoPaths.Generated300, "raw"), "gen");
        Copy(RepoPaths.SeedCorpus, "seeds");
        Copy(Path.Combine(RepoPaths.RealText, "corpus"), "real");
    }

    [Fact]
    public void Texts_read_back_from_disk_give_exactly_what_an_ingest_holding_them_gives()
    {
        var clean = pipeline.Run(corpus.Dir);
        Assert.Contains(clean.Documents, d => d.Sources.Count > 1);
        Assert.Contains(clean.Documents, d => d.Copies.Count > 0);
        Assert.NotEmpty(clean.Moved);

        IngestResult first, again;
        using (var cache = new ProcessingCache(cacheDir, NullLogger<ProcessingCache>.Instance, keepInMemory: false))
        {
            // Processed now, then from the entries on disk.
            first = pipeline.Run(corpus.Dir, cache: cache);
            Assert.Equal(IngestSnapshot.Of(clean), IngestSnapshot.Of(first));
        }
        using (var cache = new ProcessingCache(cacheDir, NullLogger<ProcessingCache>.Instance, keepInMemory: false))
        {
            again = pipeline.Run(corpus.Dir, cache: cache);
            Assert.Equal(0, again.FilesProcessed);
            Assert.Equal(IngestSnapshot.Of(clean), IngestSnapshot.Of(again));
        }

        // The caches are closed: a document whose text the result held could still be read, one read back cannot. Only
        // the documents a moved block changed are held.
        var changed = clean.Moved.Select(m => m.From).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < clean.Documents.Count; i++)
        {
            var expected = clean.Documents[i];
            if (changed.Contains(expected.Id))
            {
                Assert.Equal(expected.Text, again.Documents[i].Text);
            }
            else
            {
                var error = Assert.Throws<IOException>(() => again.Documents[i]);
                Assert.Contains(expected.Sources[0].File, error.Message, StringComparison.Ordinal);
            }
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

    private void Copy(string from, string under)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            corpus.Write(Path.Combine(under, Path.GetRelativePath(from, file)), File.ReadAllBytes(file));
        }
    }
}
