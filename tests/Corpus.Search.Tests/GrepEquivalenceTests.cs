using Corpus.Search.Analysis;

namespace Corpus.Search.Tests;

/// <summary>
/// The search must answer like grep on width-folded text: for random phrases of 1–8 characters cut from the
/// documents (their texts and their copies' texts), the documents found are exactly those whose text or one of whose
/// copies contains the phrase, and occurrence counts match: those in the text, or where the text has none, in the copies.
/// </summary>
public sealed class GrepEquivalenceTests(SeedCorpus seeds, GeneratedCorpus generated) : IClassFixture<SeedCorpus>, IClassFixture<GeneratedCorpus>
{
    [Fact]
    public void RandomPhrasesFromTheSeedCorpus() => AssertGrepEquivalent(seeds, new Random(7), 200);

    [Fact]
    public void RandomPhrasesFromAGeneratedCorpus() => AssertGrepEquivalent(generated, new Random(11), 200);

    private static void AssertGrepEquivalent(IndexedCorpus corpus, Random random, int phrases)
    {
        var widthVariants = 0;
        var bordered = 0;
        foreach (var phrase in SamplePhrases(corpus, random, phrases))
        {
            // Every fourth phrase is asked in full-width form when it has ASCII in it (digits, Latin, punctuation).
            var query = phrase;
            if (random.Next(4) == 0 && Brute.ToFullWidth(phrase) != phrase)
            {
                query = Brute.ToFullWidth(phrase);
                widthVariants++;
            }
            // A plain phrase is looked for in the title and the text (the copies' text when the document's has none).
            var expected = corpus.Documents.Select(d => (d.Id, Count: Brute.Count(d.Title, phrase) + (Brute.Count(d.Text, phrase) is var inText and > 0 ? inText : d.Copies.Sum(c => Brute.Count(c.Text, phrase)))))
                .Where(d => d.Count > 0).ToDictionary(d => d.Id, d => d.Count);
            var request = new SearchRequest($"\"{query}\"");
            var found = corpus.AllHits(request).ToDictionary(h => h.Id, h => h.Occurrences);
            Assert.True(expected.Count > 0, $"phrase {phrase} was cut from a document");
            Assert.Equal(expected.OrderBy(e => e.Key), found.OrderBy(f => f.Key));
            // The result's total, added up while matching (partly from the phrase scorers' own counts), is the same sum.
            Assert.Equal(expected.Values.Sum(v => (long)v), corpus.Service.Search(request).Occurrences);
            bordered += HasBorder(GrepFold.Fold(query)) ? 1 : 0;
        }
        // Phrases that can overlap themselves (like 哈哈 in 哈哈哈) are counted apart from the scorers: both kinds were asked.
        Assert.InRange(bordered, 1, phrases - 1);
        Assert.True(widthVariants > 0);
        Assert.Contains(corpus.Documents, d => d.Copies.Count > 0);
    }

    /// <summary>Whether some proper prefix of the phrase is also its suffix, by brute force.</summary>
    private static bool HasBorder(string phrase) =>
        Enumerable.Range(1, Math.Max(0, phrase.Length - 1)).Any(k => phrase[..k] == phrase[^k..]);

    /// <summary>The first place at or after <paramref name="from"/> (wrapping round) whose character comes again one or
    /// two further on, or -1.</summary>
    private static int RepeatAfter(string text, int from)
    {
        var places = text.Length - 2;
        for (var k = 0; k < places; k++)
        {
            var i = (from + k) % places;
            if (text[i + 1] == text[i] || text[i + 2] == text[i])
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Phrases cut from a random document's folded text, never across a paragraph break or a quote.</summary>
    private static IEnumerable<string> SamplePhrases(IndexedCorpus corpus, Random random, int count)
    {
        var produced = 0;
        while (produced < count)
        {
            var document = corpus.Documents[random.Next(corpus.Documents.Count)];
            // One phrase in four from a copy, where the document has copies.
            var text = GrepFold.Fold(document.Copies.Count > 0 && random.Next(4) == 0 ? document.Copies[random.Next(document.Copies.Count)].Text : document.Text);
            var length = random.Next(1, 9);
            if (text.Length <= length)
            {
                continue;
            }
            var start = random.Next(text.Length - length);
            // One phrase in eight starts where a character repeats one or two further on (年年, 一对一), when the text
            // has such a place: phrases that can overlap themselves are counted another way.
            if (random.Next(8) == 0 && RepeatAfter(text, start) is >= 0 and var repeat)
            {
                (start, length) = (repeat, text[repeat + 1] == text[repeat] ? 2 : 3);
            }
            var phrase = text.Substring(start, length);
            if (phrase.Contains('\n') || phrase.Contains('"') || char.IsSurrogate(phrase[0]) || char.IsSurrogate(phrase[^1]))
            {
                continue;
            }
            produced++;
            yield return phrase;
        }
    }
}
