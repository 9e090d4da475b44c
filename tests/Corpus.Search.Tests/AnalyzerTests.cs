using Corpus.Search.Analysis;
using Corpus.Search.Querying;

namespace Corpus.Search.Tests;

public sealed class AnalyzerTests
{
    /// <summary>A seed sentence with punctuation and digits, plus width variants and a space.</summary>
    private static readonly string Sentence = Around(
        Directory.EnumerateFiles(RepoPaths.SeedCorpus).Order(StringComparer.Ordinal).SelectMany(File.ReadLines)
            .Select(l => l.Trim()).First(l => l.Contains('，') && l.Any(char.IsAsciiDigit))) + " ＣＯＶＩＤ－１９";

    /// <summary>About 40 chars around the line's first comma.</summary>
    private static string Around(string line)
    {
        var start = Math.Max(0, line.IndexOf('，') - 20);
        return line.Substring(start, Math.Min(40, line.Length - start));
    }

    [Fact]
    public void ExactFieldHasEveryPairOfCharsWithOffsetsIntoTheOriginal()
    {
        var tokens = Tokens.Of(new ExactAnalyzer(), Sentence);
        var folded = GrepFold.Fold(Sentence) + "\n";
        Assert.Equal(Enumerable.Range(0, folded.Length - 1).Select(k => folded.Substring(k, 2)), tokens.Select(t => t.Term));
        Assert.Equal(Enumerable.Range(0, folded.Length - 1), tokens.Select(t => t.Position));
        // Every pair but the last (which ends in the added line break) covers exactly its two chars of the original.
        Assert.All(tokens.SkipLast(1), t => Assert.Equal(t.Term, GrepFold.Fold(Sentence[t.Start..t.End])));
        Assert.Contains(tokens, t => t.Term.Contains(','));  // the full-width comma, folded
        Assert.Contains(tokens, t => t.Term == "co");
        Assert.DoesNotContain(tokens, t => t.Term.Contains(' '));
    }

    [Fact]
    public void WordsFieldSegmentsWithoutPunctuationAndKeepsOffsets()
    {
        var folded = WidthFold.FoldWordChars(Sentence);
        var tokens = Tokens.Of(new WordsAnalyzer(), folded);
        Assert.NotEmpty(tokens);
        Assert.All(tokens, t => Assert.Equal(t.Term, folded[t.Start..t.End]));
        Assert.All(tokens, t => Assert.Contains(t.Term, c => char.IsLetterOrDigit(c)));
        Assert.Equal(tokens.OrderBy(t => t.Start), tokens);
        Assert.Contains(tokens, t => t.Term == "covid");
        // Dropped punctuation leaves a position gap: the token after a comma is not adjacent to the one before it.
        var comma = Sentence.IndexOf('，');
        var before = tokens.Last(t => t.End <= comma);
        var after = tokens.First(t => t.Start > comma);
        Assert.True(after.Position - before.Position > 1);
    }

    [Fact]
    public void SegmentationShownToUsersCoversTheWordCharsOfTheQuery()
    {
        var words = LuceneQueryBuilder.Segment("在抗击新冠肺炎疫情的关键时刻，ＣＯＶＩＤ");
        Assert.True(words.Count > 3);
        Assert.Equal("在抗击新冠肺炎疫情的关键时刻covid", string.Concat(words));
    }
}
