using System.Text;
using System.Text.Json;
using Corpus.Ingest.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Ingest.Tests.Merging;

/// <summary>No text is lost: every sentence of every decoded file is in a document of that file (title, text or a
/// copy's text) or recorded as dropped, judged by the tests' own sentence cut and folding.</summary>
public sealed class NoLossTests
{
    [Fact]
    public void Seeds() => AssertNothingLost(RepoPaths.SeedCorpus, file => File.ReadAllText(Path.Combine(RepoPaths.SeedCorpus, file), new UTF8Encoding(false, true)));

    [Fact]
    public void Generated_corpus()
    {
        var raw = Path.Combine(RepoPaths.Generated300, "raw");
        AssertNothingLost(raw, file => File.ReadAllText(Path.Combine(raw, file), new UTF8Encoding(false, true)));
    }

    [Fact]
    public void Real_text_fixtures()
    {
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.RealText, "manifest.json"))).RootElement;
        // The manifest's decoded text is the oracle's: what each file holds, as UTF-8, without the ingest's decoder.
        var decoded = manifest.GetProperty("files").EnumerateArray()
            .Where(f => f.GetProperty("expect").GetString() == "decode")
            .ToDictionary(f => f.GetProperty("path").GetString()!["corpus/".Length..], f => f.GetProperty("decoded").GetString()!);
        AssertNothingLost(Path.Combine(RepoPaths.RealText, "corpus"), file => File.ReadAllText(Path.Combine(RepoPaths.RealText, decoded[file])), decoded.ContainsKey);
    }

    private static void AssertNothingLost(string corpusDir, Func<string, string> decode, Func<string, bool>? decodable = null)
    {
        decodable ??= _ => true;
        var result = new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(corpusDir);
        var skipped = result.Skipped.Select(s => s.File).ToHashSet();
        var byFile = result.Documents
            .SelectMany(d => d.Sources.Select(s => (s.File, Document: d)))
            .ToLookup(x => x.File, x => x.Document);
        var dropped = result.Dropped.ToLookup(d => d.File, d => d.Text);
        var files = Directory.GetFiles(corpusDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(corpusDir, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !skipped.Contains(f) && decodable(f))
            .ToList();
        Assert.NotEmpty(files);
        var lost = new List<string>();
        foreach (var file in files)
        {
            var texts = byFile[file].Distinct()
                .SelectMany(d => new[] { d.Title, d.Text }.Concat(d.Copies.SelectMany(c => new[] { c.Title, c.Text })))
                .Select(Oracle.Fold)
                .ToList();
            var removed = dropped[file].Select(Oracle.Fold).Where(d => d.Length > 0).OrderByDescending(d => d.Length).ToList();
            foreach (var sentence in Oracle.Sentences(decode(file)))
            {
                // What was dropped (with a reason) may sit inside a sentence, as a continuation marker does: the rest must be found.
                var rest = removed.Aggregate(sentence, (s, d) => s.Replace(d, "|", StringComparison.Ordinal));
                var missing = rest.Split('|', StringSplitOptions.RemoveEmptyEntries)
                    .Where(piece => !texts.Any(t => t.Contains(piece, StringComparison.Ordinal)));
                lost.AddRange(missing.Select(piece => $"{file}: {piece}"));
            }
        }
        Assert.True(lost.Count == 0, $"{lost.Count} sentences lost, e.g.\n{string.Join('\n', lost.GroupBy(l => l.Split(':')[0]).Select(g => $"{g.Count()} in {g.First()}"))}");
        Assert.Empty(result.Unaccounted);
    }
}
