using Corpus.Ingest.Model;

namespace Corpus.Search.Tests;

/// <summary>The generated corpus with every other document written in Traditional characters (by the test's own list).</summary>
public sealed class MixedScriptCorpus() : IndexedCorpus(HalfTraditional(Ingest.Run(RepoPaths.GeneratedCorpus)))
{
    private static IngestResult HalfTraditional(IngestResult result) => result with
    {
        Documents = [.. result.Documents.Select((d, i) => i % 2 == 0 ? d : d with { Title = Oracle.ToTraditional(d.Title), Text = Oracle.ToTraditional(d.Text) })],
    };
}

/// <summary>
/// Traditional and Simplified fold like full and half width: a query in either script finds the documents in both,
/// exactly as grep over the folded text would, and highlights cover the original characters.
/// </summary>
public sealed class ScriptFoldTests(MixedScriptCorpus corpus) : IClassFixture<MixedScriptCorpus>
{
    [Fact]
    public void AQueryInEitherScriptFindsBothExactly()
    {
        var random = new Random(3);
        var traditionalIds = corpus.Documents.Where((_, i) => i % 2 == 1).Select(d => d.Id).ToHashSet();
        var traditionalQueries = 0;
        var mixedHits = 0;
        for (var round = 0; round < 150; round++)
        {
            var source = corpus.Documents[random.Next(corpus.Documents.Count)];
            var text = Oracle.Fold(source.Text);
            var length = random.Next(2, 7);
            var at = random.Next(Math.Max(1, text.Length - length));
            if (text.Length <= length)
            {
                continue;
            }
            var phrase = text.Substring(at, length);
            if (phrase.Any(c => c is '\n' or '"' || char.IsSurrogate(c)))
            {
                continue;
            }
            // Asked in Traditional whenever the list has a form for one of its characters, else as it is.
            var query = Oracle.ToTraditional(phrase);
            traditionalQueries += query != phrase ? 1 : 0;
            var expected = corpus.Documents.Select(d => (d.Id, Count: Oracle.Count(d, phrase))).Where(e => e.Count > 0).OrderBy(e => e.Id).ToList();
            var found = corpus.AllHits(new SearchRequest($"\"{query}\"")).Select(h => (h.Id, Count: h.Occurrences)).OrderBy(e => e.Id).ToList();
            Assert.Equal(expected, found);
            // Queries whose hits include documents in both scripts.
            var scripts = expected.Select(e => traditionalIds.Contains(e.Id)).Distinct().Count();
            mixedHits += query != phrase && scripts == 2 ? 1 : 0;
        }
        Assert.True(traditionalQueries > 30, $"only {traditionalQueries} queries in Traditional form");
        Assert.True(mixedHits > 10, $"only {mixedHits} queries found documents in both scripts");
    }

    [Fact]
    public void HighlightsCoverTheOriginalCharacters()
    {
        var traditional = corpus.Documents.Where((_, i) => i % 2 == 1).First(d => d.Text.Contains('國'));
        foreach (var query in new[] { "国", "國" })
        {
            var view = corpus.Service.GetDocument(traditional.Id, query)!;
            Assert.Equal(Oracle.Count(traditional.Text, "国"), view.Hits.Count);
            Assert.All(view.Hits, h => Assert.Equal("國", traditional.Text.Substring(h.Start, h.Length)));
        }
    }
}
