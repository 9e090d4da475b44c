using System.Text.Json;
using System.Text.RegularExpressions;

namespace Corpus.Search.Tests;

/// <summary>A merged document keeps its copies' text searchable: the edited copy of the real-text fixtures holds a
/// sentence in two forms and a paragraph the original lacks, and whichever the chosen text misses still finds it.</summary>
public sealed partial class CopiesSearchTests(RealTextCorpus corpus) : IClassFixture<RealTextCorpus>
{
    [Fact]
    public void A_phrase_only_a_copy_holds_finds_the_document_and_is_highlighted_in_that_copy()
    {
        var (document, phrases) = Edited();
        var copyOnly = 0;
        foreach (var phrase in phrases)
        {
            var hit = Assert.Single(corpus.AllHits(new SearchRequest($"\"{phrase}\"")), h => h.Id == document.Id);
            Assert.True(hit.Occurrences > 0);
            Assert.Contains(hit.Snippets, s => s.Hits.Any(h => s.Text.Substring(h.Start, h.Length) == phrase));
            if (Brute.Count(document.Text, phrase) == 0)
            {
                copyOnly++;
                var view = corpus.Service.GetDocument(document.Id, $"\"{phrase}\"")!;
                Assert.Empty(view.Hits);
                Assert.Contains(view.CopyHits, hits => hits.Count > 0);
            }
        }
        Assert.True(copyOnly > 0, "the chosen text should lack one of the edited forms");
    }

    /// <summary>Patterns cut from those phrases (a ? for the second character, a gap for the middle) find the document
    /// the same way: counted in the copies, highlighted there, as the regex oracle finds them.</summary>
    [Fact]
    public void A_pattern_only_a_copy_matches_finds_the_document_and_is_highlighted_in_that_copy()
    {
        var (document, phrases) = Edited();
        var copyOnly = 0;
        foreach (var pattern in phrases.SelectMany(p => new[] { p[..1] + "?" + p[2..], p[..2] + "*" + p[^2..] }))
        {
            var regex = PatternOracle.Build(pattern);
            var hit = Assert.Single(corpus.AllHits(new SearchRequest(pattern)), h => h.Id == document.Id);
            if (regex.IsMatch(PatternOracle.Fold(document.Text).Folded))
            {
                continue;
            }
            copyOnly++;
            var expected = document.Copies.Select(c => PatternOracle.Spans(c.Text, regex)).ToList();
            Assert.Equal(expected.Sum(s => s.Count), hit.Occurrences);
            Assert.Contains(hit.Snippets, s => s.Hits.Count > 0);
            var view = corpus.Service.GetDocument(document.Id, pattern)!;
            Assert.Empty(view.Hits);
            Assert.Equal(expected, view.CopyHits.Select(hits => hits.Select(h => (h.Start, h.Length)).ToList()));
        }
        Assert.True(copyOnly > 0, "the chosen text should lack a match of one of the patterns");
    }

    /// <summary>The merged document of the edited fixture and two runs of text only one of its forms holds.</summary>
    private (Corpus.Ingest.Model.CleanDocument Document, string[] Phrases) Edited()
    {
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.RealText, "manifest.json"))).RootElement;
        var edited = manifest.GetProperty("files").EnumerateArray().Single(f => f.TryGetProperty("edit", out _));
        var file = edited.GetProperty("path").GetString()!["corpus/".Length..];
        var edit = edited.GetProperty("edit");
        var document = Assert.Single(corpus.Documents, d => d.Sources.Any(s => s.File == file));
        // What one copy holds and the other lacks: the clause the edit cut, and the appended paragraph.
        var editedSentence = edit.GetProperty("edited_sentence").GetString()!;
        var phrases = new[]
        {
            LongestRun(edit.GetProperty("original_sentence").GetString()!, run => !editedSentence.Contains(run, StringComparison.Ordinal)),
            LongestRun(edit.GetProperty("extra_paragraph").GetString()!, _ => true),
        };
        return (document, phrases);
    }

    private static string LongestRun(string text, Func<string, bool> keep) =>
        CjkRuns().Matches(text).Select(m => m.Value).Where(keep).MaxBy(v => v.Length)!;

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{4,}")]
    private static partial Regex CjkRuns();
}
