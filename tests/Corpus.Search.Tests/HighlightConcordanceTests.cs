using Corpus.Search.Analysis;

namespace Corpus.Search.Tests;

public sealed class HighlightConcordanceTests(SeedCorpus corpus) : IClassFixture<SeedCorpus>
{
    [Theory]
    [InlineData("疫情防控")]
    [InlineData("武汉")]
    [InlineData("习近平 湖北")]
    public void DocumentSpansAreExactlyTheOccurrences(string query)
    {
        var phrases = query.Split(' ');
        foreach (var hit in corpus.AllHits(new SearchRequest(query)))
        {
            var view = corpus.Service.GetDocument(hit.Id, query)!;
            var text = view.Document.Text;
            Assert.All(view.Hits, span => Assert.Contains(GrepFold.Fold(text.Substring(span.Start, span.Length)), phrases));
            Assert.Equal(phrases.Sum(p => Brute.Count(text, p)), view.Hits.Count);
            Assert.Equal(phrases.Sum(p => Brute.Count(view.Document.Title, p)), view.TitleHits.Count);
            Assert.All(view.TitleHits, span => Assert.Contains(WidthFold.FoldForMatching(view.Document.Title.Substring(span.Start, span.Length)), phrases));
            Assert.Equal(view.Hits.Count + view.TitleHits.Count, hit.Occurrences);
            Assert.Equal(view.TitleHits, hit.TitleHits);
            Assert.Equal(view.Hits.OrderBy(s => s.Start), view.Hits);
        }
    }

    [Fact]
    public void SnippetsMarkWholePhrasesAsSpans()
    {
        var result = corpus.Service.Search(new SearchRequest("疫情防控"));
        Assert.NotEmpty(result.Hits);
        foreach (var hit in result.Hits)
        {
            Assert.InRange(hit.Snippets.Count, 1, 3);
            Assert.All(hit.Snippets, s => Assert.Contains(s.Hits, h => s.Text.Substring(h.Start, h.Length) == "疫情防控"));
            // A hit the window cuts is marked as far as it reaches.
            Assert.All(hit.Snippets, s => Assert.All(s.Hits, h => Assert.Contains(s.Text.Substring(h.Start, h.Length), "疫情防控")));
            var text = corpus.Service.GetDocument(hit.Id, null)!.Document.Text.Replace('\n', ' ');
            Assert.All(hit.Snippets, s => Assert.Contains(s.Text, text));
            Assert.All(hit.Snippets, s => Assert.InRange(s.Text.Length, 1, 120));
        }
    }

    [Fact]
    public void UnknownDocumentIsNull() => Assert.Null(corpus.Service.GetDocument("no-such-id", "疫情"));

    [Fact]
    public void ConcordanceListsEveryOccurrenceWithItsContext()
    {
        var request = new SearchRequest("疫情防控");
        var expected = corpus.Documents.Sum(d => Brute.Count(d.Text, "疫情防控"));
        var result = corpus.Service.Concordance(new ConcordanceRequest(request, [], Context: 10, Size: ConcordanceRequest.MaxSize));
        Assert.Equal(expected, result.Total);
        Assert.Null(result.Next);
        Assert.Equal(expected, result.Lines.Count);
        foreach (var line in result.Lines)
        {
            var document = corpus.Documents.Single(d => d.Id == line.Id);
            var text = document.Text.Replace('\n', ' ');
            Assert.Equal("疫情防控", line.Match);
            Assert.Equal((document.Title, document.Venue, document.Kind, document.Date), (line.Title, line.Venue, line.Kind, line.Date));
            Assert.Equal(text.Substring(line.Offset - line.Left.Length, line.Left.Length + line.Match.Length + line.Right.Length), line.Left + line.Match + line.Right);
            Assert.True(line.Left.Length == 10 || line.Offset == line.Left.Length);
        }
        var limited = corpus.Service.Concordance(new ConcordanceRequest(request, [ConcordanceKey.Left], Size: 3));
        Assert.Equal((expected, 3), (limited.Total, limited.Lines.Count));
        Assert.NotNull(limited.Next);
    }

    [Theory]
    [InlineData(SearchSort.Date)]
    [InlineData(SearchSort.DateAsc)]
    public void ConcordanceInDocumentOrderFollowsTheDateSortWithUndatedLast(SearchSort order)
    {
        var lines = corpus.Service.Concordance(new ConcordanceRequest(new SearchRequest("的", Sort: order), [], Size: ConcordanceRequest.MaxSize)).Lines;
        var dates = lines.Select(l => l.Date).ToList();
        var dated = dates.TakeWhile(d => d is not null).ToList();
        Assert.All(dates.Skip(dated.Count), d => Assert.Null(d));
        Assert.Equal(order == SearchSort.Date ? dated.OrderByDescending(d => d) : dated.OrderBy(d => d), dated);
        Assert.True(dated.Distinct().Count() > 1);
    }
}
