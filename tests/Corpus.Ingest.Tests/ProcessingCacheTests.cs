using System.Security.Cryptography;
using Corpus.Ingest.Model;
using Corpus.Ingest.Processing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Ingest.Tests;

/// <summary>
/// A re-ingest through the processing cache processes only new and changed files, and gives exactly what a clean ingest
/// of the same folder gives: documents, merged copies, ids, dropped text, skipped files and fingerprint.
/// </summary>
public sealed class ProcessingCacheTests : IDisposable
{
    private readonly TempCorpus corpus = new();
    private readonly string cacheDir = Path.Combine(Path.GetTempPath(), "corpus-cache-" + Guid.NewGuid().ToString("N"));
    private readonly IngestPipeline pipeline = new(NullLogger<IngestPipeline>.Instance);

    public ProcessingCacheTests()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Generated300, "raw"), "*", SearchOption.AllDirectories))
        {
            corpus.Write(Path.GetRelativePath(Path.Combine(RepoPaths.Generated300, "raw"), file), File.ReadAllBytes(file));
        }
    }

    [Fact]
    public void Adding_changing_and_removing_files_gives_what_a_clean_ingest_gives()
    {
        var cache = new ProcessingCache(cacheDir, NullLogger<ProcessingCache>.Instance);
        var first = pipeline.Run(corpus.Dir, cache: cache);
        Assert.Equal(first.Files, first.FilesProcessed);
        Assert.Equal(IngestSnapshot.Of(Clean()), IngestSnapshot.Of(first));

        // A merged document (several sources) and a document of one file only, both from files holding one article.
        var merged = first.Documents.First(d => d.Sources.Count > 1 && d.Sources.All(s => SingleArticleFile(first, s.File)));
        var single = first.Documents.First(d => d.Sources.Count == 1 && SingleArticleFile(first, d.Sources[0].File));
        var copied = merged.Sources[0].File;
        var removedCopy = merged.Sources[^1].File;
        var removedDocument = single.Sources[0].File;
        var changed = first.Documents.First(d => d != merged && d != single && d.Sources.Count == 1).Sources[0].File;
        // A copy that is not the one giving its document's text loses a sentence: the group stays, its document changes.
        var trimmed = first.Documents.First(d => d != merged && d.Text.Length > 1500 && d.Sources.Count > 1
            && d.Sources.All(s => SingleArticleFile(first, s.File))).Sources[1].File;

        // A new copy of an existing article, a brand-new article, a changed file, a removed copy and a removed document.
        corpus.Write("zz/new-copy.txt", File.ReadAllBytes(Path.Combine(corpus.Dir, copied)));
        corpus.Write("zz/new-article.txt", File.ReadAllBytes(Directory.GetFiles(RepoPaths.SeedCorpus).Order(StringComparer.Ordinal).First()));
        var changedPath = Path.Combine(corpus.Dir, changed);
        var text = File.ReadAllText(changedPath);
        File.WriteAllText(changedPath, text[..(text.Length / 2)] + "\n\n又补充了一段此前没有的文字，说明修改后的文件要重新处理。\n" + text[(text.Length / 2)..]);
        var trimmedPath = Path.Combine(corpus.Dir, trimmed);
        var trimmedText = File.ReadAllText(trimmedPath);
        var cut = trimmedText.IndexOf('。', trimmedText.Length / 2) + 1;
        File.WriteAllText(trimmedPath, trimmedText[..cut] + trimmedText[(trimmedText.IndexOf('。', cut) + 1)..]);
        File.Delete(Path.Combine(corpus.Dir, removedCopy));
        File.Delete(Path.Combine(corpus.Dir, removedDocument));

        var again = pipeline.Run(corpus.Dir, cache: cache);
        var clean = Clean();
        // The new copy's content is known already: only the new article and the two changed files are processed.
        Assert.Equal(3, again.FilesProcessed);
        Assert.Equal(IngestSnapshot.Of(clean), IngestSnapshot.Of(again));

        // The changes took effect: the new copy merged, the removed files are nobody's source.
        var sources = again.Documents.SelectMany(d => d.Sources).Select(s => s.File).ToList();
        Assert.Contains(again.Documents, d => d.Sources.Any(s => s.File == "zz/new-copy.txt") && d.Sources.Any(s => s.File == copied));
        Assert.DoesNotContain(removedCopy, sources);
        Assert.DoesNotContain(removedDocument, sources);
        Assert.DoesNotContain(again.Documents, d => d.Id == single.Id);

        // Another process: everything from the entries on disk, nothing processed, the same result.
        var restarted = pipeline.Run(corpus.Dir, cache: new ProcessingCache(cacheDir, NullLogger<ProcessingCache>.Instance));
        Assert.Equal(0, restarted.FilesProcessed);
        Assert.Equal(IngestSnapshot.Of(clean), IngestSnapshot.Of(restarted));
    }

    [Fact]
    public void A_cache_on_disk_only_reads_its_entries_back_whole_and_gives_the_same_result()
    {
        var cache = new ProcessingCache(cacheDir, NullLogger<ProcessingCache>.Instance, keepInMemory: false);
        var first = pipeline.Run(corpus.Dir, cache: cache);
        var clean = IngestSnapshot.Of(Clean());
        Assert.Equal(clean, IngestSnapshot.Of(first));

        // The same process again: nothing held in memory, every entry read from disk, none refused.
        var log = new RecordingLogger<ProcessingCache>();
        var again = pipeline.Run(corpus.Dir, cache: new ProcessingCache(cacheDir, log, keepInMemory: false));
        Assert.Equal(0, again.FilesProcessed);
        Assert.Empty(log.Warnings);
        Assert.Equal(clean, IngestSnapshot.Of(again));
        Assert.Equal(0, pipeline.Run(corpus.Dir, cache: cache).FilesProcessed);
    }

    [Fact]
    public void Damaged_misplaced_and_foreign_entries_are_ignored_logged_and_made_again()
    {
        pipeline.Run(corpus.Dir, cache: new ProcessingCache(cacheDir, NullLogger<ProcessingCache>.Instance));
        var entries = Directory.EnumerateFiles(cacheDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var (truncated, garbled, misplaced, donor) = (entries[0], entries[1], entries[2], entries[3]);
        File.WriteAllBytes(truncated, File.ReadAllBytes(truncated)[..^40]);
        var bytes = File.ReadAllBytes(garbled);
        bytes[bytes.Length / 2] ^= 0x20;
        File.WriteAllBytes(garbled, bytes);
        // A whole, valid entry of another file's content under this file's name must not be taken for it.
        File.Copy(donor, misplaced, overwrite: true);
        // Entries of another build of the ingest (other rules): never read, deleted.
        var foreign = Path.Combine(cacheDir, "0123456789abcdef", "ab");
        Directory.CreateDirectory(foreign);
        File.Copy(donor, Path.Combine(foreign, Path.GetFileName(donor)));

        var log = new RecordingLogger<ProcessingCache>();
        var result = pipeline.Run(corpus.Dir, cache: new ProcessingCache(cacheDir, log));

        // Entries are named by the SHA-256 of the content: every file with one of those contents is processed again.
        var damaged = new[] { truncated, garbled, misplaced }.Select(Path.GetFileName).ToHashSet();
        var expected = Directory.EnumerateFiles(corpus.Dir, "*", SearchOption.AllDirectories)
            .Count(f => damaged.Contains(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))));
        Assert.InRange(expected, 3, int.MaxValue);
        Assert.Equal(expected, result.FilesProcessed);
        Assert.Equal(IngestSnapshot.Of(Clean()), IngestSnapshot.Of(result));
        Assert.All([truncated, garbled, misplaced], entry => Assert.Contains(log.Warnings, w => w.Contains(entry, StringComparison.Ordinal)));
        Assert.False(Directory.Exists(Path.Combine(cacheDir, "0123456789abcdef")));
        // Made again: the next process finds every entry whole.
        Assert.Equal(0, pipeline.Run(corpus.Dir, cache: new ProcessingCache(cacheDir, log)).FilesProcessed);
    }

    public void Dispose()
    {
        corpus.Dispose();
        if (Directory.Exists(cacheDir))
        {
            Directory.Delete(cacheDir, recursive: true);
        }
    }

    private IngestResult Clean() => pipeline.Run(corpus.Dir);

    private static bool SingleArticleFile(IngestResult result, string file) =>
        result.Documents.SelectMany(d => d.Sources).Count(s => s.File == file) == 1 && result.Dropped.All(d => d.File != file);

    private sealed class RecordingLogger<T> : ILogger<T>
    {
        private readonly List<string> warnings = [];

        public IReadOnlyList<string> Warnings
        {
            get
            {
                lock (warnings)
                {
                    return [.. warnings];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                lock (warnings)
                {
                    warnings.Add(formatter(state, exception));
                }
            }
        }
    }
}
