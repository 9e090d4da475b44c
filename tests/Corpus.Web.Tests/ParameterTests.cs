using Corpus.Search;
using Corpus.Web.Hosting;
using Corpus.Web.Requests;
using Corpus.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;

namespace Corpus.Web.Tests;

public sealed class ParameterTests
{
    [Fact]
    public void Parameters_round_trip_through_their_query_string()
    {
        var original = SearchParameterParser.Parse(Query("q=疫情 防控&venue=北京&venue=武汉&kind=讲话&sort=date&page=3&size=20"), requireQuery: true);

        var again = SearchParameterParser.Parse(Query(original.ToQueryString().TrimStart('?')), requireQuery: true);

        Assert.Equal("疫情 防控", again.Query);
        Assert.Equal(["北京", "武汉"], again.Venues);
        Assert.Equal(["讲话"], again.Kinds);
        Assert.Equal(SearchSort.Date, again.Sort);
        Assert.Equal((3, 20), (again.Page, again.Size));
        Assert.Equal(original.ToQueryString(), again.ToQueryString());
    }

    [Fact]
    public void Defaults_stay_out_of_the_url()
    {
        var parameters = SearchParameterParser.Parse(Query("q=疫情&sort=relevance&page=1&size=10&from=&venue="), requireQuery: true);

        Assert.Equal("?q=" + Uri.EscapeDataString("疫情"), parameters.ToQueryString());
        Assert.False(parameters.HasFilters);
    }

    [Fact]
    public void Paths_default_to_the_repository_corpus_and_data_folder()
    {
        var contentRoot = Path.Combine(RepoPaths.Root, "src", "Corpus.Web");

        var defaults = CorpusPaths.From(Options([]), contentRoot);
        Assert.Equal(RepoPaths.SeedCorpus, defaults.CorpusDir);
        Assert.Equal(Path.Combine(RepoPaths.Root, ".data", "index"), defaults.IndexDir);

        var configured = CorpusPaths.From(Options(new() { ["Corpus:CorpusPath"] = "", ["Corpus:IndexPath"] = "/tmp/idx" }), contentRoot);
        Assert.Null(configured.CorpusDir);
        Assert.Equal("/tmp/idx", configured.IndexDir);

        var outside = Path.GetTempPath();
        Assert.Equal(Path.Combine(outside, "corpus"), CorpusPaths.From(Options([]), outside).CorpusDir);
    }

    private static QueryCollection Query(string query) => new(QueryHelpers.ParseQuery(query));

    /// <summary>The section bound as the site binds it (an empty value stays empty, an absent one null).</summary>
    private static CorpusOptions Options(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(CorpusOptions.Section).Get<CorpusOptions>() ?? new CorpusOptions();
}
