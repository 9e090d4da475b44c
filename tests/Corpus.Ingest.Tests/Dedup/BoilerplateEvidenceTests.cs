using System.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Ingest.Tests.Dedup;

/// <summary>Real paragraphs of the seed corpus arranged as a folder of short texts that share a long block, the way man
/// pages share a licence and translator credits: the shared block is no evidence that two of them are one article.</summary>
public sealed class BoilerplateEvidenceTests
{
    [Fact]
    public void Short_texts_sharing_a_long_block_stay_distinct_while_real_copies_merge()
    {
        var paragraphs = Tests.SeedParagraphs.Value;
        // The shared block is longer than each text's own content: five paragraphs of 80+ characters.
        var block = paragraphs.Where(p => p.Length >= 80).Take(5).ToList();
        var own = paragraphs.Except(block).Where(p => p.Length is >= 40 and <= 120).Take(12).ToList();
        var article = paragraphs.Except(block).Except(own).Where(p => p.Length >= 60).Take(10).ToList();
        Assert.Equal(12, own.Count);
        Assert.True(block.Sum(p => p.Length) > 2 * own.Max(p => p.Length));
        Assert.Equal(10, article.Count);

        using var corpus = new TempCorpus();
        for (var i = 0; i < own.Count; i++)
        {
            corpus.Write($"page{i:D2}.txt", Encoding.UTF8.GetBytes(own[i] + "\n\n" + string.Join("\n\n", block) + "\n"));
        }
        corpus.Write("article.txt", Encoding.UTF8.GetBytes(string.Join("\n\n", article) + "\n"));
        corpus.Write("article-copy.txt", Encoding.UTF8.GetBytes(string.Join("\n\n", article) + "\n"));
        corpus.Write("article-cut.txt", Encoding.UTF8.GetBytes(string.Join("\n\n", article.Take(8)) + "\n"));
        var result = new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(corpus.Dir);

        foreach (var text in own)
        {
            var holders = result.Documents.Where(d => Folded(d.Text).Contains(Folded(text), StringComparison.Ordinal)).ToList();
            var holder = Assert.Single(holders);
            Assert.DoesNotContain(holder.Sources, s => s.File.StartsWith("page", StringComparison.Ordinal) && s.Duplicate);
        }
        var merged = Assert.Single(result.Documents, d => d.Sources.Any(s => s.File.StartsWith("article", StringComparison.Ordinal)));
        Assert.Equal(3, merged.Sources.Count);
    }

    /// <summary>The oracle's own comparison form: letters, digits and CJK characters only.</summary>
    private static string Folded(string text) => new([.. text.Where(char.IsLetterOrDigit)]);
}
