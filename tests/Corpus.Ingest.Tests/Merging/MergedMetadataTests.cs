using System.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corpus.Ingest.Tests.Merging;

/// <summary>One copy, one set of metadata: a document shows the title and date of the file that gave its text.</summary>
public sealed class MergedMetadataTests
{
    [Fact]
    public void A_cut_copy_with_its_own_headline_and_date_lends_neither_to_the_full_text()
    {
        var body = SeedParagraphs.Value.Where(p => p.Length >= 60).Skip(20).Take(10).ToList();
        Assert.Equal(10, body.Count);
        using var corpus = new TempCorpus();
        corpus.Write("full.txt", Encoding.UTF8.GetBytes("全文的标题\n\n" + string.Join("\n\n", body) + "\n"));
        corpus.Write("cut.txt", Encoding.UTF8.GetBytes("转载时换过的标题\n2020年3月5日\n\n" + string.Join("\n\n", body.Take(8)) + "\n"));
        var result = new IngestPipeline(NullLogger<IngestPipeline>.Instance).Run(corpus.Dir);

        var document = Assert.Single(result.Documents);
        Assert.Equal(["full.txt", "cut.txt"], document.Sources.Select(s => s.File));
        var source = File.ReadAllText(Path.Combine(corpus.Dir, document.Sources[0].File));
        Assert.Contains(document.Title, source, StringComparison.Ordinal);
        if (document.Date is { } date)
        {
            Assert.Contains($"{date.Year}年{date.Month}月{date.Day}日", source, StringComparison.Ordinal);
        }
    }
}
