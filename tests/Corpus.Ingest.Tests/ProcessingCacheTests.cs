using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
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
        using var cache = new ProcessingCache(cacheDir, NullLogger<ProcessingCache>.Instance);
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
        using var restartedCache = new ProcessingCache(cacheDir, NullLogger<ProcessingCache>.Instance);
        var restarted = pipeline.Run(corpus.Dir, cache: restartedCache);
        Assert.Equal(0, restarted.FilesProcessed);
        Assert.Equal(IngestSnapshot.Of(clean), IngestSnapshot.Of(restarted));
    }

    [Fact]
    public void A_cache_on_disk_only_reads_its_entries_back_whole_and_gives_the_same_result()
    {
        using var cache = new ProcessingCache(cacheDir, NullLogger<ProcessingCache>.Instance, keepInMemory: false);
        var first = pipeline.Run(corpus.Dir, cache: cache);
        var clean = IngestSnapshot.Of(Clean());
        Assert.Equal(clean, IngestSnapshot.Of(first));

        // The same process again: nothing held in memory, every entry read from disk, none refused.
        var log = new RecordingLogger<ProcessingCache>();
        using var other = new ProcessingCache(cacheDir, log, keepInMemory: false);
        var again = pipeline.Run(corpus.Dir, cache: other);
        Assert.Equal(0, again.FilesProcessed);
        Assert.Empty(log.Warnings);
        Assert.Equal(clean, IngestSnapshot.Of(again));
        Assert.Equal(0, pipeline.Run(corpus.Dir, cache: cache).FilesProcessed);
    }

    [Fact]
    public void Damaged_misplaced_torn_and_foreign_entries_are_ignored_logged_and_made_again()
    {
        using (var first = new ProcessingCache(cacheDir, NullLogger<ProcessingCache>.Instance))
        {
            pipeline.Run(corpus.Dir, cache: first);
        }
        var pack = Assert.Single(Packs());
        var bytes = File.ReadAllBytes(pack);
        var entries = EntriesIn(bytes);
        // Contents stored once (two files of one content may both have been stored), in the order they were appended.
        var once = entries.Where(e => entries.Count(o => o.Hash == e.Hash) == 1).ToList();
        var (garbled, superseded, misplaced, torn) = (once[0], once[1], once[2], entries[^1]);
        Assert.True(once.IndexOf(misplaced) > once.IndexOf(superseded) && torn.Hash != misplaced.Hash);
        // A flipped byte inside an entry.
        bytes[(garbled.Start + garbled.End) / 2] ^= 0x20;
        // A whole entry whose header names another content, later in the pack: it is listed for that content, and must
        // not be taken for it.
        Encoding.ASCII.GetBytes(superseded.Hash).CopyTo(bytes, misplaced.HashAt);
        // The last entry torn, as by a process killed while appending it.
        File.WriteAllBytes(pack, bytes[..(torn.End - 40)]);
        // Entries of another build of the ingest (other rules): never read, deleted.
        var foreign = Path.Combine(cacheDir, "0123456789abcdef");
        Directory.CreateDirectory(foreign);
        File.Copy(pack, Path.Combine(foreign, Path.GetFileName(pack)));

        var log = new RecordingLogger<ProcessingCache>();
        IngestResult result;
        using (var cache = new ProcessingCache(cacheDir, log))
        {
            result = pipeline.Run(corpus.Dir, cache: cache);
        }

        // Entries are keyed by the SHA-256 of the content: every file with one of those contents is processed again.
        var damaged = new[] { garbled, superseded, misplaced, torn }.Select(e => e.Hash).ToHashSet();
        var expected = Directory.EnumerateFiles(corpus.Dir, "*", SearchOption.AllDirectories)
            .Count(f => damaged.Contains(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))));
        Assert.InRange(expected, 4, int.MaxValue);
        Assert.Equal(expected, result.FilesProcessed);
        Assert.Equal(IngestSnapshot.Of(Clean()), IngestSnapshot.Of(result));
        Assert.Contains(log.Warnings, w => w.Contains(garbled.Hash, StringComparison.Ordinal));
        Assert.Contains(log.Warnings, w => w.Contains(superseded.Hash, StringComparison.Ordinal));
        // The torn end is found when the pack is listed (where it starts, and that nothing whole follows), not when the
        // entry is read.
        Assert.Contains(log.Warnings, w => w.Contains(pack, StringComparison.Ordinal)
            && w.Contains($"no whole entry from byte {torn.Start}", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Warnings, w => w.Contains(torn.Hash, StringComparison.Ordinal));
        Assert.False(Directory.Exists(foreign));
        // Made again: the next process finds every entry whole.
        using var next = new ProcessingCache(cacheDir, log);
        Assert.Equal(0, pipeline.Run(corpus.Dir, cache: next).FilesProcessed);
    }

    [Fact]
    public void Entries_of_removed_files_are_compacted_away_and_the_others_still_read_whole()
    {
        using (var first = new ProcessingCache(cacheDir, NullLogger<ProcessingCache>.Instance, keepInMemory: false))
        {
            pipeline.Run(corpus.Dir, cache: first);
        }
        var firstPacks = Packs();
        var before = firstPacks.Sum(p => new FileInfo(p).Length);
        var files = Directory.EnumerateFiles(corpus.Dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var removed in files.Where((_, i) => i % 3 != 0))
        {
            File.Delete(removed);
        }

        var log = new RecordingLogger<ProcessingCache>();
        using (var cache = new ProcessingCache(cacheDir, log, keepInMemory: false))
        {
            Assert.Equal(0, pipeline.Run(corpus.Dir, cache: cache).FilesProcessed);
        }

        // The first pack was two-thirds dead: its live entries moved to a new pack, and it is gone.
        Assert.All(firstPacks, p => Assert.False(File.Exists(p)));
        var kept = EntriesIn(File.ReadAllBytes(Assert.Single(Packs())));
        var remaining = Directory.EnumerateFiles(corpus.Dir, "*", SearchOption.AllDirectories)
            .Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))).ToHashSet();
        Assert.Equal(remaining, kept.Select(e => e.Hash).ToHashSet());
        Assert.InRange(kept[^1].End, 1, before / 2);
        Assert.Empty(log.Warnings);
        using var next = new ProcessingCache(cacheDir, log, keepInMemory: false);
        var again = pipeline.Run(corpus.Dir, cache: next);
        Assert.Equal(0, again.FilesProcessed);
        Assert.Empty(log.Warnings);
        Assert.Equal(IngestSnapshot.Of(Clean()), IngestSnapshot.Of(again));
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

    private List<string> Packs() => [.. Directory.EnumerateFiles(cacheDir, "*.pack", SearchOption.AllDirectories)];

    /// <summary>The entries of a pack, found by their magic bytes, each with the content hash its header names (the first
    /// 64 hexadecimal characters after the magic) and where that hash is written.</summary>
    private static List<PackedEntry> EntriesIn(byte[] pack)
    {
        var magic = "CORPUSPC"u8.ToArray();
        var starts = new List<int>();
        for (var from = 0; pack.AsSpan(from).IndexOf(magic) is var next and >= 0; from += next + 1)
        {
            starts.Add(from + next);
        }
        return [.. starts.Select((start, i) =>
        {
            var end = i + 1 < starts.Count ? starts[i + 1] : pack.Length;
            var text = Encoding.ASCII.GetString(pack, start, Math.Min(200, end - start));
            var hash = Regex.Match(text, "[0-9a-f]{64}");
            return new PackedEntry(start, end, hash.Value, start + hash.Index);
        })];
    }

    private sealed record PackedEntry(int Start, int End, string Hash, int HashAt);

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
