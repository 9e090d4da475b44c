using System.Text.RegularExpressions;
using Corpus.Ingest.Model;

namespace Corpus.Search.Tests;

/// <summary>
/// Pattern queries answer like an independent regex over the folded text: for hundreds of random patterns cut from the
/// corpora, the documents found and the occurrence counts equal <see cref="PatternOracle"/>'s, highlights are the
/// regex's spans, and filler counts equal a brute-force count.
/// </summary>
public sealed class PatternEquivalenceTests(SeedCorpus seeds, GeneratedCorpus generated, RealTextCorpus realText)
    : IClassFixture<SeedCorpus>, IClassFixture<GeneratedCorpus>, IClassFixture<RealTextCorpus>
{
    [Fact]
    public void RandomPatternsFromTheSeedCorpus() => AssertRegexEquivalent(seeds, new Random(17), 150);

    [Fact]
    public void RandomPatternsFromAGeneratedCorpus() => AssertRegexEquivalent(generated, new Random(23), 150);

    [Fact]
    public void RandomPatternsFromRealTexts() => AssertRegexEquivalent(realText, new Random(29), 100);

    [Fact]
    public void DocumentHighlightsAndConcordanceLinesAreTheRegexMatches()
    {
        var sampler = new PatternSampler(seeds.Documents, new Random(5));
        var patterns = Enumerable.Range(0, 400).Select(_ => sampler.Next()).Where(s => s.Kind != PatternSampler.Kind.Combined).Take(30).ToList();
        foreach (var (_, pattern) in patterns)
        {
            var regex = PatternOracle.Build(pattern);
            var expectedTotal = 0;
            foreach (var hit in seeds.AllHits(new SearchRequest(pattern)))
            {
                var view = seeds.Service.GetDocument(hit.Id, pattern)!;
                var expected = PatternOracle.Spans(view.Document.Text, regex);
                Assert.Equal(expected, view.Hits.Select(h => (h.Start, h.Length)));
                expectedTotal += expected.Count;
            }
            var lines = seeds.Service.ConcordanceLines(new ConcordanceRequest(new SearchRequest(pattern), []), out var total).ToList();
            Assert.Equal(expectedTotal, total);
            Assert.Equal(expectedTotal, lines.Count);
            var whole = new Regex($"^(?:{regex})$");
            Assert.All(lines, line => Assert.Matches(whole, PatternOracle.Fold(line.Match).Folded));
        }
    }

    [Fact]
    public void SnippetsMarkWholeMatches()
    {
        var result = seeds.Service.Search(new SearchRequest("人民*安全"));
        Assert.NotEmpty(result.Hits);
        var whole = new Regex($"^(?:{PatternOracle.Build("人民*安全")})$");
        var marks = result.Hits.SelectMany(h => h.Snippets).SelectMany(s => s.Hits.Select(h => s.Text.Substring(h.Start, h.Length))).ToList();
        Assert.NotEmpty(marks);
        // A mark cut by a snippet's edge is part of a match; whole ones are matches.
        Assert.Contains(marks, m => whole.IsMatch(PatternOracle.Fold(m).Folded));
        Assert.All(marks.Where(m => m.StartsWith("人民", StringComparison.Ordinal) && m.EndsWith("安全", StringComparison.Ordinal)),
            m => Assert.Matches(whole, PatternOracle.Fold(m).Folded));
    }

    [Fact]
    public void FillerCountsEqualABruteForceCount()
    {
        foreach (var corpus in new IndexedCorpus[] { seeds, generated })
        {
            var sampler = new PatternSampler(corpus.Documents, new Random(31));
            var patterns = Enumerable.Range(0, 500).Select(_ => sampler.Next())
                .Where(s => s.Kind is PatternSampler.Kind.Gap or PatternSampler.Kind.Wildcard or PatternSampler.Kind.Mixed).Take(25).ToList();
            foreach (var (_, pattern) in patterns)
            {
                var regex = PatternOracle.Build(pattern);
                var expected = corpus.Documents
                    .SelectMany(d => PatternOracle.Counted(d, regex).SelectMany(t => PatternOracle.Fillers(t, regex)).Select(f => (d.Id, Filler: f)))
                    .GroupBy(x => PatternOracle.Fold(x.Filler).Folded)
                    .ToDictionary(g => g.Key, g => (Occurrences: g.Count(), Documents: g.Select(x => x.Id).Distinct().Count()));
                var table = corpus.Service.Fillers(new SearchRequest(pattern), FillerSort.Occurrences, SearchService.MaxFillerRows);
                Assert.Equal(
                    expected.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value.Occurrences, e.Value.Documents)),
                    table.Rows.Select(r => (Key: PatternOracle.Fold(r.Filler).Folded, r.Occurrences, r.Documents)).OrderBy(r => r.Key, StringComparer.Ordinal));
                Assert.Equal(expected.Values.Sum(v => v.Occurrences), table.Occurrences);
                Assert.Equal(table.Rows.OrderByDescending(r => r.Occurrences).Select(r => r.Occurrences), table.Rows.Select(r => r.Occurrences));
                // Each row links to a search for its matches: every document with the filler is among that search's results.
                if (table.Rows.FirstOrDefault() is { } top)
                {
                    Assert.True(corpus.Service.Search(new SearchRequest(top.Query)).Total >= top.Documents, top.Query);
                }
            }
        }
    }

    [Theory]
    [InlineData("*")]
    [InlineData("??")]
    [InlineData("坚持*")]
    [InlineData("*坚持")]
    [InlineData("坚持**不动摇")]
    [InlineData("坚持*0不动摇")]
    [InlineData("坚持*51不动摇")]
    [InlineData("坚持*99999999999不动摇")]
    [InlineData("a*b*c*d*e*f")]
    [InlineData("脱贫 NEAR")]
    [InlineData("NEAR 攻坚")]
    [InlineData("脱贫 NEAR/x 攻坚")]
    [InlineData("脱贫 NEAR/51 攻坚")]
    [InlineData("脱贫 NEAR 攻坚 NEAR 战")]
    [InlineData("脱贫 NEAR -攻坚")]
    [InlineData("-脱贫 NEAR 攻坚")]
    [InlineData("title:脱贫 NEAR 攻坚")]
    [InlineData("脱贫 OR NEAR 攻坚")]
    [InlineData("-坚持*不动摇")]
    public void MalformedPatternsAreMessages(string query)
    {
        var error = Assert.Throws<QueryException>(() => seeds.Service.Search(new SearchRequest(query)));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void FillersNeedAPatternWithASlot()
    {
        Assert.Throws<QueryException>(() => seeds.Service.Fillers(new SearchRequest("疫情防控"), FillerSort.Occurrences, 10));
        Assert.Throws<QueryException>(() => seeds.Service.Fillers(new SearchRequest("疫情 NEAR 防控"), FillerSort.Occurrences, 10));
    }

    private static void AssertRegexEquivalent(IndexedCorpus corpus, Random random, int count)
    {
        var sampler = new PatternSampler(corpus.Documents, random);
        var matched = 0;
        var kinds = new HashSet<PatternSampler.Kind>();
        for (var i = 0; i < count; i++)
        {
            var (kind, query) = sampler.Next();
            kinds.Add(kind);
            var found = corpus.AllHits(new SearchRequest(query)).ToDictionary(h => h.Id, h => h.Occurrences);
            if (kind == PatternSampler.Kind.Combined)
            {
                var expected = Combined(corpus.Documents, query);
                Assert.True(expected.SetEquals(found.Keys), $"{query}: expected {expected.Count} documents, found {found.Count}");
                matched += expected.Count > 0 ? 1 : 0;
                continue;
            }
            var counts = PatternOracle.Count(corpus.Documents, PatternOracle.Build(query));
            Assert.True(
                counts.OrderBy(e => e.Key).SequenceEqual(found.OrderBy(f => f.Key)),
                $"{query}: expected {counts.Count} documents / {counts.Values.Sum()} occurrences, found {found.Count} / {found.Values.Sum()}");
            matched += counts.Count > 0 ? 1 : 0;
        }
        Assert.Equal(5, kinds.Count);
        Assert.True(matched >= count * 2 / 3, $"only {matched} of {count} patterns matched anything");
    }

    /// <summary>"P X", "P -X" or "X -P": a pattern and a phrase, either excluded.</summary>
    private static HashSet<string> Combined(IEnumerable<CleanDocument> documents, string query)
    {
        var (first, second) = (query.Split(' ')[0], query.Split(' ')[1]);
        var negated = second.StartsWith('-');
        second = second.TrimStart('-');
        var firstIsPattern = first.Contains('*') || first.Contains('?');
        // A pattern is matched in the text or a copy's text; a plain phrase also in the title.
        bool Has(string title, IReadOnlyList<string> texts, string term, bool isPattern) =>
            isPattern
                ? texts.Any(PatternOracle.Build(term).IsMatch)
                : texts.Append(title).Any(t => t.Contains(PatternOracle.Fold(term).Folded, StringComparison.Ordinal));
        return [.. documents.Where(d =>
        {
            var title = PatternOracle.Fold(d.Title).Folded;
            var texts = d.Copies.Select(c => c.Text).Prepend(d.Text).Select(t => PatternOracle.Fold(t).Folded).ToList();
            return Has(title, texts, first, firstIsPattern) && Has(title, texts, second, !firstIsPattern) != negated;
        }).Select(d => d.Id)];
    }
}
