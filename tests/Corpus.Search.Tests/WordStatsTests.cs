using Corpus.Ingest.Model;

namespace Corpus.Search.Tests;

public sealed class WordStatsTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    private static readonly Lock Gate = new();
    private static Dictionary<string, long>? whole;

    /// <summary>The whole corpus's brute-force list, segmented once for all tests.</summary>
    private Dictionary<string, long> Whole()
    {
        lock (Gate)
        {
            return whole ??= Frequencies(corpus.Documents);
        }
    }

    /// <summary>The frequency list by definition: every document's text segmented whole, words counted.</summary>
    private static Dictionary<string, long> Frequencies(IEnumerable<CleanDocument> documents) =>
        documents.SelectMany(d => ViewOracle.Segment(d.Text)).GroupBy(t => t.Text, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);

    [Fact]
    public void Whole_corpus_and_filtered_frequency_lists_equal_brute_force()
    {
        var whole = Whole();
        var all = corpus.Service.Frequencies(new FrequencyRequest(new SearchRequest(""), Limit: FrequencyRequest.MaxLimit));
        Assert.Equal(whole.Values.Sum(), all.Tokens);
        Assert.Equal(whole.Count, all.Types);
        Assert.Equal(corpus.Documents.Count, all.Documents);
        Assert.Equal(Math.Min(whole.Count, FrequencyRequest.MaxLimit), all.Words.Count);
        Assert.All(all.Words, w => Assert.Equal(whole[w.Word], w.Count));
        Assert.Equal(all.Words.OrderByDescending(w => w.Count).ThenBy(w => w.Word, StringComparer.Ordinal), all.Words);

        var (from, _, kind) = DatedFilter.Of(corpus.Documents);
        var selected = corpus.Documents.Where(d => d.Date >= from && d.Kind == kind).ToList();
        var sub = Frequencies(selected);
        var filtered = corpus.Service.Frequencies(new FrequencyRequest(new SearchRequest("", From: from, Kinds: [kind]), Compare: true, Limit: 500));
        Assert.NotEmpty(selected);
        Assert.Equal((selected.Count, sub.Values.Sum(), sub.Count), (filtered.Documents, filtered.Tokens, filtered.Types));
        Assert.All(filtered.Words, w => Assert.Equal(sub[w.Word], w.Count));

        // Keywords: G² from the two brute-force lists, only words relatively more frequent in the sub-corpus.
        double c = sub.Values.Sum(), d = whole.Values.Sum();
        var expected = sub.Where(p => p.Value / c > whole[p.Key] / d)
            .Select(p => (Word: p.Key, G2: G2(p.Value, whole[p.Key], c, d)))
            .OrderByDescending(k => k.G2).ThenBy(k => k.Word, StringComparer.Ordinal).Take(500).ToList();
        Assert.Equal(expected.Select(k => k.Word), filtered.Keywords!.Select(k => k.Word));
        Assert.All(filtered.Keywords!.Zip(expected), pair => Assert.Equal(pair.Second.G2, pair.First.LogLikelihood, 6));
    }

    /// <summary>Rayson and Garside's log-likelihood, written out from the paper's formula.</summary>
    private static double G2(double a, double b, double c, double d)
    {
        var e1 = c * (a + b) / (c + d);
        var e2 = d * (a + b) / (c + d);
        return 2 * (a * Math.Log(a / e1) + (b == 0 ? 0 : b * Math.Log(b / e2)));
    }

    [Theory]
    [InlineData("人民", 5)]
    [InlineData("发展", 3)]
    public void Collocate_counts_equal_brute_force_within_the_window(string phrase, int window)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var occurrences = 0;
        foreach (var document in corpus.Documents)
        {
            foreach (var (start, end) in ViewOracle.Occurrences(document.Text, phrase))
            {
                occurrences++;
                foreach (var word in ViewOracle.WordsBefore(document.Text, start, window).Concat(ViewOracle.WordsAfter(document.Text, end, window)))
                {
                    counts[word] = counts.GetValueOrDefault(word) + 1;
                }
            }
        }
        var corpusCounts = Whole();
        double n = corpusCounts.Values.Sum();

        var result = corpus.Service.Collocations(new CollocationRequest(new SearchRequest(phrase), window, MinCount: 1, Limit: CollocationRequest.MaxLimit));

        Assert.Equal((occurrences, occurrences, (long)n), (result.Occurrences, result.Counted, result.Tokens));
        Assert.Equal(Math.Min(counts.Count, CollocationRequest.MaxLimit), result.Collocates.Count);
        foreach (var collocate in result.Collocates)
        {
            Assert.Equal(counts[collocate.Word], collocate.Count);
            var fy = Math.Max(corpusCounts.GetValueOrDefault(collocate.Word), collocate.Count);
            Assert.Equal(fy, collocate.Frequency);
            Assert.Equal(14 + Math.Log2(2.0 * collocate.Count / (occurrences + fy)), collocate.LogDice, 9);
            Assert.Equal(Math.Log2(collocate.Count * n / ((double)occurrences * fy)), collocate.Mi, 9);
        }
        Assert.Equal(result.Collocates.OrderByDescending(c => c.LogDice).Select(c => c.LogDice), result.Collocates.Select(c => c.LogDice));
        Assert.Empty(corpus.Log.Warnings);
    }

    [Fact]
    public void A_phrase_no_text_holds_has_no_occurrences_and_no_collocates()
    {
        const string phrase = "没有这个短语的文本";
        Assert.DoesNotContain(corpus.Documents, d => ViewOracle.Occurrences(d.Text, phrase).Count > 0);

        var result = corpus.Service.Collocations(new CollocationRequest(new SearchRequest(phrase), MinCount: 1));

        Assert.Equal((0, 0), (result.Occurrences, result.Counted));
        Assert.Empty(result.Collocates);
    }

    [Fact]
    public void Past_the_exact_limit_a_stated_sample_of_evenly_spaced_occurrences_is_counted_the_same_every_time()
    {
        var request = new CollocationRequest(new SearchRequest("的 OR 了"), 2);
        var first = corpus.Service.Collocations(request);
        // Two single characters never overlap: the occurrences are the sum of both.
        var expected = corpus.Documents.Sum(d => ViewOracle.Occurrences(d.Text, "的").Count + ViewOracle.Occurrences(d.Text, "了").Count);
        Assert.True(expected > CollocationRequest.SampleSize, $"only {expected} occurrences of 的 or 了");
        Assert.Equal((expected, CollocationRequest.SampleSize), (first.Occurrences, first.Counted));
        Assert.Equal(first.Collocates, corpus.Service.Collocations(request).Collocates);
        Assert.True(first.Collocates.Sum(c => c.Count) <= CollocationRequest.SampleSize * 2 * 2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(CollocationRequest.MaxWindow + 1)]
    public void A_window_out_of_range_is_a_query_error(int window) =>
        Assert.Throws<QueryException>(() => corpus.Service.Collocations(new CollocationRequest(new SearchRequest("人民"), window)));
}
