using System.Text.RegularExpressions;
using Corpus.Ingest.Model;

namespace Corpus.Search.Tests;

/// <summary>
/// A document that matches only through a recorded copy counts the same everywhere: the search's total and
/// occurrences, each hit's occurrences and the timeline's documents and occurrences all follow one rule
/// (<see cref="Oracle.Count(CleanDocument, string)"/>), checked by brute force over the exported documents for phrases
/// that only copies hold and for phrases the texts hold.
/// </summary>
public sealed partial class CopiesOccurrenceTests(RealTextCorpus realText, GeneratedCorpus generated)
    : IClassFixture<RealTextCorpus>, IClassFixture<GeneratedCorpus>
{
    [Fact]
    public void Search_totals_hits_and_timelines_count_copy_only_matches_alike()
    {
        var copyOnlyChecked = 0;
        foreach (var corpus in new IndexedCorpus[] { realText, generated })
        {
            var documents = corpus.Service.AllDocuments().ToList();
            foreach (var phrase in CopyOnlyPhrases(documents).Take(6).Concat(["的", "发展"]))
            {
                var counts = documents.ToDictionary(d => d.Id, d => Oracle.Count(d, phrase));
                var matching = documents.Where(d => counts[d.Id] > 0).ToList();
                copyOnlyChecked += matching.Count(d => Oracle.Count(d.Text, phrase) == 0 && Oracle.Count(d.Title, phrase) == 0);

                var query = $"\"{phrase}\"";
                var result = corpus.Service.Search(new SearchRequest(query));
                Assert.Equal(matching.Count, result.Total);
                Assert.Equal(matching.Sum(d => (long)counts[d.Id]), result.Occurrences);
                Assert.All(corpus.AllHits(new SearchRequest(query)), h => Assert.Equal(counts[h.Id], h.Occurrences));

                var dated = matching.Where(d => d.Date is not null).ToList();
                var timeline = corpus.Service.Timeline(new TimelineRequest([query], Unit: TimelineUnit.Year)).Series[0].Buckets;
                Assert.Equal(dated.Count, timeline.Sum(b => b.Documents));
                Assert.Equal(dated.Sum(d => (long)counts[d.Id]), timeline.Sum(b => b.Occurrences));
            }
        }
        Assert.True(copyOnlyChecked > 0, "some document should match only through a copy");
    }

    /// <summary>Runs of Chinese characters a copy holds and its document's title and text do not.</summary>
    private static IEnumerable<string> CopyOnlyPhrases(IEnumerable<CleanDocument> documents) =>
        documents.SelectMany(d => d.Copies.SelectMany(c => CjkRuns().Matches(c.Text).Select(m => m.Value[..Math.Min(8, m.Value.Length)]))
                .Where(run => Oracle.Count(d.Text, run) == 0 && Oracle.Count(d.Title, run) == 0))
            .Distinct();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{4,}")]
    private static partial Regex CjkRuns();
}
