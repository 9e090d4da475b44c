using System.Text.Json;
using Corpus.Ingest.Model;
using Corpus.Search.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Search.Tests;

/// <summary>A real small index (two commits' worth of segments, with deletions), damaged file by file in copies.</summary>
public sealed class DamagedIndexFixture : IDisposable
{
    public DamagedIndexFixture()
    {
        // A few documents keep each of the many rebuilds quick; every kind of file is there all the same.
        var all = Ingest.Run(RepoPaths.SeedCorpus);
        var seeds = all with { Documents = [.. all.Documents.Take(8)] };
        using (var index = new CorpusIndex(Pristine, NullLogger<CorpusIndex>.Instance))
        {
            index.Replace(seeds);
            // A second commit that rewrites one document and drops another leaves a second segment and deletions.
            Final = seeds with
            {
                Documents = [seeds.Documents[0] with { Text = seeds.Documents[0].Text + "\n补记一段。" }, .. seeds.Documents.Skip(2)],
                Fingerprint = "second",
            };
            index.Replace(Final);
            Documents = Export(index);
        }
    }

    public string Pristine { get; } = Path.Combine(Path.GetTempPath(), "corpus-integrity-" + Guid.NewGuid().ToString("N"));

    public IngestResult Final { get; }

    /// <summary>Every document as JSON, in id order: what an undamaged or repaired index must hold.</summary>
    public IReadOnlyList<string> Documents { get; }

    public static List<string> Export(CorpusIndex index) =>
        [.. new SearchService(index).AllDocuments().Select(d => JsonSerializer.Serialize(d, Json.CorpusJson.Options))];

    public void Dispose() => Directory.Delete(Pristine, recursive: true);
}

public sealed class IndexIntegrityTests(DamagedIndexFixture fixture) : IClassFixture<DamagedIndexFixture>, IDisposable
{
    private const string HintFile = "segments.gen";
    private readonly List<string> copies = [];

    [Fact]
    public void The_index_under_test_holds_every_kind_of_file()
    {
        var kinds = Directory.EnumerateFiles(fixture.Pristine).Select(Kind).ToHashSet();
        // Segment info, field infos, stored fields, postings (terms, index, docs, positions), doc values, norms,
        // deletions and the commit point.
        Assert.Superset(new HashSet<string> { "si", "fnm", "fdt", "fdx", "tim", "tip", "doc", "pos", "dvd", "dvm", "nvd", "nvm", "del", "segments_N" }, kinds);
    }

    [Theory]
    [InlineData("truncate")]
    [InlineData("flip")]
    public void Every_damaged_file_is_detected_at_start(string damage)
    {
        var outcomes = new List<string>();
        foreach (var file in IndexFiles())
        {
            using var index = DamagedCopy(file, damage);
            var check = index.Verify();
            if (Kind(file) == HintFile)
            {
                // Lucene reads segments.gen only as a hint and falls back to listing the folder: nothing may differ.
                Assert.Equal(IndexCondition.Intact, check.Condition);
                Assert.Equal(fixture.Documents, DamagedIndexFixture.Export(index));
                continue;
            }
            outcomes.Add(check.Condition == IndexCondition.Damaged && !string.IsNullOrWhiteSpace(check.Problem) && index.Damaged
                ? $"{Kind(file)}: detected"
                : $"{Kind(file)}: UNDETECTED ({check.Condition})");
        }
        Assert.DoesNotContain(outcomes, o => o.Contains("UNDETECTED", StringComparison.Ordinal));
    }

    [Fact]
    public void A_damaged_index_of_each_kind_of_file_is_rebuilt_to_the_same_documents()
    {
        // One rebuild per kind of file: the rebuild does not depend on which file failed, only that one did.
        foreach (var file in IndexFiles().Where(f => Kind(f) != HintFile).DistinctBy(Kind))
        {
            using var index = DamagedCopy(file, "truncate");
            Assert.Equal(IndexCondition.Damaged, index.Verify().Condition);

            var changes = index.Replace(fixture.Final);

            Assert.True(changes.Afresh, Kind(file));
            Assert.Equal(IndexCondition.Intact, index.Verify().Condition);
            Assert.Equal(fixture.Documents, DamagedIndexFixture.Export(index));
        }
    }

    [Fact]
    public void A_damaged_index_that_cannot_be_opened_does_not_throw_and_reads_as_empty_until_rebuilt()
    {
        var copy = Copy();
        var segments = Directory.EnumerateFiles(copy, "segments_*").Single();
        Damage(segments, "truncate");

        using var index = new CorpusIndex(copy, NullLogger<CorpusIndex>.Instance);

        Assert.True(index.Damaged);
        Assert.False(index.Serving);
        Assert.Equal(0, new SearchService(index).Search(new SearchRequest("疫情")).Total);
    }

    private IEnumerable<string> IndexFiles() =>
        Directory.EnumerateFiles(fixture.Pristine).Where(f => Path.GetFileName(f) != "write.lock").Order(StringComparer.Ordinal);

    private CorpusIndex DamagedCopy(string file, string damage)
    {
        var copy = Copy();
        Damage(Path.Combine(copy, Path.GetFileName(file)), damage);
        return new CorpusIndex(copy, NullLogger<CorpusIndex>.Instance);
    }

    private static string Kind(string file)
    {
        var name = Path.GetFileName(file);
        return name.StartsWith("segments_", StringComparison.Ordinal) ? "segments_N"
            : name == "segments.gen" ? name
            : Path.GetExtension(name).TrimStart('.');
    }

    private static void Damage(string file, string damage)
    {
        var bytes = File.ReadAllBytes(file);
        if (damage == "truncate")
        {
            File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
        }
        else
        {
            bytes[bytes.Length / 2] ^= 0xFF;
            File.WriteAllBytes(file, bytes);
        }
    }

    private string Copy()
    {
        var copy = fixture.Pristine + "-copy-" + copies.Count;
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(fixture.Pristine))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        copies.Add(copy);
        return copy;
    }

    public void Dispose()
    {
        foreach (var copy in copies)
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}
