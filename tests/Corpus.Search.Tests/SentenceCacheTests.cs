using Corpus.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;

namespace Corpus.Search.Tests;

/// <summary>The ingest's cached segmentation (<see cref="CachedSentenceTokenizer"/>) against SmartCn's tokenizer.</summary>
public sealed class SentenceCacheTests(SeedCorpus seeds, RealTextCorpus realText, GeneratedCorpus generated)
    : IClassFixture<SeedCorpus>, IClassFixture<RealTextCorpus>, IClassFixture<GeneratedCorpus>
{
    private sealed record RawToken(string Term, int Start, int End, string Type, int Increment);

    private static List<RawToken> Read(Tokenizer tokenizer)
    {
        var tokens = new List<RawToken>();
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        var offsets = tokenizer.AddAttribute<IOffsetAttribute>();
        var type = tokenizer.AddAttribute<ITypeAttribute>();
        var increment = tokenizer.AddAttribute<IPositionIncrementAttribute>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
        {
            tokens.Add(new RawToken(term.ToString(), offsets.StartOffset, offsets.EndOffset, type.Type, increment.PositionIncrement));
        }
        tokenizer.End();
        tokens.Add(new RawToken("(end)", offsets.StartOffset, offsets.EndOffset, "", 0));
        tokenizer.Dispose();
        return tokens;
    }

    private static List<RawToken> SmartCn(string text) => Read(new HMMChineseTokenizer(new StringReader(text)));

    private static List<RawToken> Cached(string text, SentenceCache cache) => Read(new CachedSentenceTokenizer(new StringReader(text), cache));

    /// <summary>Texts with lines longer than SmartCn's 1,024-char buffer, which it cuts mid-sentence.</summary>
    private static IEnumerable<string> RandomTexts(int seed, int count)
    {
        const string alphabet = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理ａｂＡＢ0123456789１２３abcXYZ，。、；：？！“”（）《》——…·.,;:?!()-_/%@#& \t　";
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var breaks = random.Next(3) == 0 ? 0.0 : 0.01;
            yield return new string([.. Enumerable.Range(0, random.Next(0, 3000))
                .Select(_ => random.NextDouble() < breaks ? '\n' : alphabet[random.Next(alphabet.Length)])]);
        }
    }

    private List<string> Texts() =>
    [
        .. seeds.Documents.Concat(realText.Documents).Concat(generated.Documents).Select(d => WidthFold.FoldWordChars(d.Text)),
        .. RandomTexts(20261207, 60),
    ];

    [Fact]
    public void Tokens_are_SmartCn_s_own_whether_their_sentence_was_segmented_before_or_not()
    {
        var texts = Texts();
        var cache = new SentenceCache();
        foreach (var text in texts)
        {
            Assert.Equal(SmartCn(text), Cached(text, cache));
        }
        var (foundFirst, segmented) = cache.Counts;
        Assert.True(segmented > 0);

        // Again, in another order: every sentence is now found, none segmented anew, and the tokens are the same.
        foreach (var text in texts.AsEnumerable().Reverse())
        {
            Assert.Equal(SmartCn(text), Cached(text, cache));
        }
        var (found, segmentedAfter) = cache.Counts;
        Assert.Equal(segmented, segmentedAfter);
        Assert.Equal(foundFirst + segmented + foundFirst, found);
    }

    [Fact]
    public void A_cache_that_fills_up_and_starts_again_gives_the_same_tokens()
    {
        var cache = new SentenceCache(maxChars: 2_000);
        var texts = Texts().Take(40).ToList();
        foreach (var text in texts)
        {
            Assert.Equal(SmartCn(text), Cached(text, cache));
        }
        var (_, segmented) = cache.Counts;
        foreach (var text in texts)
        {
            Assert.Equal(SmartCn(text), Cached(text, cache));
        }
        var (found, segmentedAfter) = cache.Counts;
        Assert.True(found > 0);
        // Bounded: far more than 2,000 characters went through, so the second pass met sentences it had forgotten.
        Assert.True(segmentedAfter > segmented);
    }
}
