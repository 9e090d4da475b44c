using System.Text.Json;
using Corpus.Ingest.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Ingest.Tests.Merging;

/// <summary>Merging on the real-text fixtures: planted copies join their original and keep what only they hold;
/// pages that share licence paragraphs stay apart. Everything is read from the manifest, nothing from file names.</summary>
public sealed class RealTextMergeTests
{
    private static readonly Lazy<IngestResult> Result = new(() =>
        new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(Path.Combine(RepoPaths.RealText, "corpus")));

    private static readonly Lazy<JsonElement> Manifest = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.RealText, "manifest.json"))).RootElement);

    /// <summary>Manifest paths are relative to the fixture folder; ingest paths to its corpus/ folder.</summary>
    private static string InCorpus(string manifestPath) => manifestPath["corpus/".Length..];

    private static CleanDocument HolderOf(string file) =>
        Assert.Single(Result.Value.Documents, d => d.Sources.Any(s => s.File == file));

    [Fact]
    public void Near_twins_sharing_licence_paragraphs_are_never_merged()
    {
        foreach (var group in Manifest.Value.GetProperty("near_twins").EnumerateArray())
        {
            var files = group.GetProperty("files").EnumerateArray().Select(f => InCorpus(f.GetString()!)).ToHashSet();
            Assert.True(files.Count >= 2);
            foreach (var document in Result.Value.Documents)
            {
                var twins = document.Sources.Select(s => s.File).Where(files.Contains).Distinct().ToList();
                Assert.True(twins.Count <= 1, $"{document.Title} merges {string.Join(", ", twins)}");
            }
        }
    }

    [Fact]
    public void Planted_copies_join_their_original_and_every_sentence_of_a_copy_stays_in_the_document()
    {
        var copies = Manifest.Value.GetProperty("copies").EnumerateArray().ToList();
        Assert.Contains(copies, c => c.GetProperty("kind").GetString() == "edited");
        foreach (var copy in copies)
        {
            var original = HolderOf(InCorpus(copy.GetProperty("original").GetString()!));
            var copyFile = InCorpus(copy.GetProperty("copy").GetString()!);
            Assert.Same(original, HolderOf(copyFile));
            var texts = new[] { original.Title, original.Text }.Concat(original.Copies.Select(c => c.Text)).Select(Oracle.Fold).ToList();
            foreach (var file in new[] { copy.GetProperty("original").GetString()!, copy.GetProperty("copy").GetString()! })
            {
                var reference = File.ReadAllText(Path.Combine(RepoPaths.RealText, ReferenceOf(file)));
                foreach (var sentence in Oracle.Sentences(reference).Where(s => s.Length >= 6))
                {
                    Assert.True(texts.Any(t => t.Contains(sentence, StringComparison.Ordinal)), $"{file}: 「{sentence}」 is in no text of its document");
                }
            }
        }
    }

    [Fact]
    public void A_merged_documents_metadata_comes_from_the_file_that_gave_its_text()
    {
        var merged = Result.Value.Documents.Where(d => d.Sources.Count > 1).ToList();
        Assert.NotEmpty(merged);
        foreach (var document in merged)
        {
            var decoded = Oracle.Fold(File.ReadAllText(Path.Combine(RepoPaths.RealText, DecodedOf("corpus/" + document.Sources[0].File))));
            Assert.Contains(Oracle.Fold(document.Title), decoded, StringComparison.Ordinal);
        }
    }

    private static string ReferenceOf(string path) => FileEntry(path).GetProperty("reference").GetString()!;

    private static string DecodedOf(string path) => FileEntry(path).GetProperty("decoded").GetString()!;

    private static JsonElement FileEntry(string path) =>
        Manifest.Value.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString() == path);
}
