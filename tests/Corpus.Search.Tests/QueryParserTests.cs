using Corpus.Search.Querying;

namespace Corpus.Search.Tests;

public sealed class QueryParserTests
{
    [Fact]
    public void SpaceSeparatedTermsAreAllRequiredPhrases()
    {
        var query = QueryParser.Parse("疫情防控  复工复产");
        Assert.Equal(["疫情防控", "复工复产"], query.Required.Select(c => Assert.Single(c.Alternatives).Folded));
        Assert.Empty(query.Excluded);
    }

    [Fact]
    public void QuotesGroupTextWithSpacesAndFoldWidth()
    {
        var query = QueryParser.Parse("“疫情 防控” \"ＣＯＶＩＤ－１９ 病毒\"");
        Assert.Equal(["疫情防控", "covid-19病毒"], query.Required.Select(c => Assert.Single(c.Alternatives).Folded));
    }

    [Fact]
    public void OrExcludeAndTitle()
    {
        var query = QueryParser.Parse("武汉 OR 湖北 -title:讲话 title:\"考察 工作\" -疫苗");
        Assert.Equal(2, query.Required.Count);
        Assert.Equal(["武汉", "湖北"], query.Required[0].Alternatives.Select(p => p.Folded));
        var title = Assert.Single(query.Required[1].Alternatives);
        Assert.Equal((PhraseField.Title, "考察工作"), (title.Field, title.Folded));
        Assert.Equal([(PhraseField.Title, "讲话"), (PhraseField.Body, "疫苗")], query.Excluded.Select(p => (p.Field, p.Folded)));
    }

    [Fact]
    public void ChineseQuotesInsideAsciiQuotesAreText()
    {
        var phrase = Assert.Single(Assert.Single(QueryParser.Parse("\"他说“好”\"").Required).Alternatives);
        Assert.Equal("他说“好”", phrase.Folded);
    }

    [Fact]
    public void EmptyQueryMatchesAll() => Assert.True(QueryParser.Parse("  ").MatchesAll);

    [Theory]
    [InlineData("\"疫情防控")]
    [InlineData("OR 疫情")]
    [InlineData("疫情 OR")]
    [InlineData("疫情 OR OR 防控")]
    [InlineData("-疫情")]
    [InlineData("疫情 OR -防控")]
    [InlineData("title:\"\"")]
    [InlineData("\"疫情\"防控")]
    public void SyntaxErrorsAreQueryExceptions(string query)
    {
        var error = Assert.Throws<QueryException>(() => QueryParser.Parse(query));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void OverlongQueryIsRejected() =>
        Assert.Throws<QueryException>(() => QueryParser.Parse(new string('疫', QueryParser.MaxLength + 1)));

    [Theory]
    [InlineData("2020", false, "2020-01-01")]
    [InlineData("2020", true, "2020-12-31")]
    [InlineData("2020-02", true, "2020-02-29")]
    [InlineData("2020-02", false, "2020-02-01")]
    [InlineData("2020-03-10", true, "2020-03-10")]
    public void DateBounds(string text, bool upper, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), DateBound.Parse(text, upper));

    [Theory]
    [InlineData("2020-13")]
    [InlineData("20200310")]
    [InlineData("yesterday")]
    [InlineData("2020-02-30")]
    public void BrokenDatesAreQueryExceptions(string text) => Assert.Throws<QueryException>(() => DateBound.Parse(text, upper: false));
}
