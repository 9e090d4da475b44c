using Corpus.Ingest.Dedup;

namespace Corpus.Ingest.Tests.Dedup;

/// <summary>
/// Grouping with a <see cref="GroupingState"/> kept from run to run compares again only the texts a change can affect;
/// after every change it must group exactly as a run from scratch does. The texts are windows of the seed corpus's
/// sentences (so that many share sentences), exact and cut copies, and texts carrying one stock line, so that its samples
/// become and stop being boilerplate and its anchors' postings cross the limit of rare ones, both ways.
/// </summary>
public sealed class IncrementalGroupingTests
{
    private const string StockLine = "本文经新华通讯社授权转载，未经书面许可，任何单位和个人不得以任何形式转载、摘编或者镜像。";

    private sealed record Text(string File, string Raw, string Folded, ShingleSketch Sketch);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Grouping_again_after_each_change_gives_what_grouping_from_scratch_gives(int seed)
    {
        var sentences = Directory.GetFiles(RepoPaths.SeedCorpus)
            .SelectMany(f => File.ReadAllText(f).Split('。', '\n'))
            .Select(s => s.Trim())
            .Where(s => s.Length >= 12)
            .Distinct()
            .ToList();
        var random = new Random(seed);
        var live = new List<Text>();
        var state = new GroupingState();
        var (merged, made, stockHolders) = (0, 0, new List<int>());
        Text Make(string text) =>
            new($"{random.Next(1_000_000):D7}-{made++}", text, TextFolder.Fold(text), ShingleSketch.Create(TextFolder.Fold(text)));
        string Article()
        {
            var start = random.Next(sentences.Count - 40);
            return string.Join('。', sentences.Skip(start).Take(random.Next(6, 30))) + "。";
        }
        string Cut(string text)
        {
            var parts = text.Split('。');
            var at = random.Next(parts.Length);
            return string.Join('。', parts.Take(at).Concat(parts.Skip(at + 1)));
        }

        for (var round = 0; round < 40; round++)
        {
            // Many texts at first, then more added than removed for a while, then more removed than added.
            // The stock line comes only after the first round.
            var growing = round < 20;
            for (var n = round == 0 ? 60 : growing ? random.Next(4, 9) : random.Next(0, 2); n > 0; n--)
            {
                var original = live.Count > 0 ? live[random.Next(live.Count)].Raw : Article();
                live.Add(Make((round == 0 ? random.Next(3) * 3 % 4 : random.Next(5)) switch
                {
                    0 => Article(),
                    1 => Article() + StockLine,
                    2 => original,
                    3 => Cut(original),
                    _ => Article() + StockLine + Article(),
                }));
            }
            for (var n = round == 0 ? 0 : growing ? random.Next(0, 2) : random.Next(6, 12); n > 0 && live.Count > 1; n--)
            {
                live.RemoveAt(random.Next(live.Count));
            }
            var texts = live.OrderBy(t => t.File, StringComparer.Ordinal).ToList();
            var sketches = texts.Select(t => t.Sketch).ToList();

            var again = DuplicateFinder.Group(sketches, i => (texts[i].File, 1), i => texts[i].Folded, state);

            Assert.Equal(DuplicateFinder.Group(sketches, i => texts[i].Folded), again);
            merged += texts.Count - again.Distinct().Count();
            stockHolders.Add(texts.Count(t => t.Folded.Contains(TextFolder.Fold(StockLine), StringComparison.Ordinal)));
        }
        // The runs did merge copies, and the stock line's holders went across the limit of rare anchors and back.
        Assert.True(merged > 0, string.Join(",", stockHolders));
        var above = stockHolders.FindIndex(h => h > 32);
        Assert.True(above >= 1, string.Join(",", stockHolders));
        Assert.Contains(stockHolders[..above], h => h <= 32);
        Assert.Contains(stockHolders[above..], h => h <= 32);
    }
}
