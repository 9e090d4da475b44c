using Corpus.Search.Analysis;
using Lucene.Net.Analysis.CharFilters;

namespace Corpus.Search.Tests;

/// <summary>
/// The exact field's char filter and analyzer, in the style of Lucene's analyzer tests: literal tokens and offsets
/// for a known input, then random inputs checked against the test's own folding table.
/// </summary>
public sealed class WidthFoldingTests
{
    /// <summary>Full-width letters, a full-width comma and digits, an ideographic space (skipped), an ASCII capital.</summary>
    private const string Input = "ＡＢ，１　２Ｘ";

    [Fact]
    public void The_char_filter_folds_skips_spaces_ends_with_a_line_break_and_maps_offsets_back()
    {
        using var filter = new WidthFoldingCharFilter(new StringReader(Input));

        Assert.Equal("ab,12x\n", filter.ReadToEnd());
        Assert.Equal([0, 1, 2, 3, 5, 6, 7, 7], Enumerable.Range(0, 8).Select(filter.CorrectOffset));
    }

    [Fact]
    public void The_exact_analyzer_gives_these_pairs_positions_and_offsets()
    {
        var tokens = Tokens.Of(new ExactAnalyzer(), Input);

        Assert.Equal(
            [
                new Token("ab", 0, 0, 2),
                new Token("b,", 1, 1, 3),
                // A pair that ends before skipped whitespace reaches over it: offsets map to after the removed chars.
                new Token(",1", 2, 2, 5),
                new Token("12", 3, 3, 6),
                new Token("2x", 4, 5, 7),
                new Token("x\n", 5, 6, 7),
            ],
            tokens);
    }

    [Fact]
    public void Random_text_gives_the_pairs_of_its_folded_form_with_offsets_onto_the_same_chars()
    {
        // Every full-width form and every skipped space of the test's own tables, among Chinese text and ASCII.
        const string alphabet = "疫情防控第一线的人民，。、：“”（）abcXYZ019&<>\n" + GrepFold.FullWidth + GrepFold.Skipped;
        var random = new Random(20261127);
        var analyzer = new ExactAnalyzer();
        for (var round = 0; round < 500; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var folded = GrepFold.Fold(text) + "\n";

            var tokens = Tokens.Of(analyzer, text);

            Assert.Equal(Enumerable.Range(0, folded.Length - 1).Select(k => folded.Substring(k, 2)), tokens.Select(t => t.Term));
            Assert.Equal(Enumerable.Range(0, tokens.Count), tokens.Select(t => t.Position));
            Assert.All(tokens, t => Assert.True(0 <= t.Start && t.Start < t.End && t.End <= text.Length, $"offsets {t} in \"{text}\""));
            Assert.Equal(tokens.OrderBy(t => t.Start), tokens);
            // Each pair but the last (which ends in the added line break) covers exactly its two chars of the text.
            Assert.All(tokens.SkipLast(1), t => Assert.Equal(t.Term, GrepFold.Fold(text[t.Start..t.End])));
        }
    }
}
