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

    private static string LongestRun(string text, Func<string, bool> keep) =>
        CjkRuns().Matches(text).Select(m => m.Value).Where(keep).MaxBy(v => v.Length)!;

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{4,}")]
    private static partial Regex CjkRuns();
}
