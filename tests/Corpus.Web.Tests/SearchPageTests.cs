using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Corpus.Web.Tests.Support;

namespace Corpus.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class SearchPageTests(AppFixture app)
{
    private const string Phrase = Samples.CommonPhrase;

    [Fact]
    public async Task Search_page_lists_the_hits_with_marks_around_the_phrase()
    {
        var page = await Html.Get(app.Client, $"/?q={Uri.EscapeDataString(Phrase)}");
        var api = await Api(Phrase);

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains(api.GetProperty("total").GetInt32().ToString(), page.Document.QuerySelector("#results-heading")!.Text());
        var items = page.Document.QuerySelectorAll("li.hit-item");
        Assert.Equal(api.GetProperty("hits").GetArrayLength(), items.Length);
        Assert.NotEmpty(items);
        var marks = page.Document.QuerySelectorAll(".snippet mark");
        Assert.NotEmpty(marks);
        Assert.All(marks, mark => Assert.Equal(Phrase, Samples.WithoutSpaces(mark.TextContent)));
        var segmentation = string.Join(" | ", api.GetProperty("segmentation").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(segmentation, page.Document.QuerySelector(".segmentation")!.Text());
    }

    [Fact]
    public async Task Facet_and_histogram_counts_equal_the_api()
    {
        var page = await Html.Get(app.Client, $"/?q={Uri.EscapeDataString(Phrase)}");
        var api = await Api(Phrase);
        var facets = api.GetProperty("facets");

        foreach (var name in new[] { "venue", "kind" })
        {
            var expected = facets.GetProperty(name).EnumerateObject().Where(p => p.Value.GetInt32() > 0)
                .ToDictionary(p => p.Name, p => p.Value.GetInt32());
            var shown = page.Document.QuerySelectorAll($"fieldset[data-facet='{name}'] li").ToDictionary(
                li => li.QuerySelector("input")!.GetAttribute("value")!,
                li => int.Parse(li.QuerySelector(".facet-count")!.Text()));
            Assert.Equal(expected.OrderBy(e => e.Key), shown.OrderBy(e => e.Key));
        }
        var years = facets.GetProperty("year").EnumerateObject().Where(p => p.Value.GetInt32() > 0)
            .ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var bars = page.Document.QuerySelectorAll(".bars li")
            .Select(li => (Year: li.QuerySelector(".bar-year")!.Text(), Count: int.Parse(li.QuerySelector(".bar-count")!.Text())))
            .Where(b => b.Count > 0).ToDictionary(b => b.Year, b => b.Count);
        Assert.Equal(years.OrderBy(e => e.Key), bars.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task Venue_filter_keeps_only_that_venue_and_matches_its_facet_count()
    {
        var facets = (await Api(Phrase)).GetProperty("facets").GetProperty("venue").EnumerateObject()
            .Where(p => p.Value.GetInt32() > 0).ToList();
        Assert.NotEmpty(facets);
        var venue = facets.OrderBy(p => p.Value.GetInt32()).First();

        var page = await Html.Get(app.Client, $"/?q={Uri.EscapeDataString(Phrase)}&venue={Uri.EscapeDataString(venue.Name)}&size=100");

        Assert.Contains(venue.Value.GetInt32().ToString(), page.Document.QuerySelector("#results-heading")!.Text());
        var items = page.Document.QuerySelectorAll("li.hit-item");
        Assert.Equal(venue.Value.GetInt32(), items.Length);
        Assert.All(items, item => Assert.Contains(venue.Name, item.QuerySelector(".hit-meta")!.TextContent));
        var box = page.Document.QuerySelectorAll<IHtmlInputElement>("fieldset[data-facet='venue'] input[name='venue']").Single(i => i.Value == venue.Name);
        Assert.True(box.IsChecked);
    }

    [Fact]
    public async Task Date_filter_keeps_only_that_year_and_matches_its_facet_count()
    {
        var years = (await Api(Phrase)).GetProperty("facets").GetProperty("year").EnumerateObject()
            .Where(p => p.Value.GetInt32() > 0).ToList();
        Assert.NotEmpty(years);
        var year = years.OrderByDescending(p => p.Value.GetInt32()).First();

        var page = await Html.Get(app.Client, $"/?q={Uri.EscapeDataString(Phrase)}&from={year.Name}&to={year.Name}&size=100");

        var items = page.Document.QuerySelectorAll("li.hit-item");
        Assert.Equal(year.Value.GetInt32(), items.Length);
        Assert.All(items, item => Assert.StartsWith(year.Name + "-", item.QuerySelector("time")!.GetAttribute("datetime")));
        Assert.Equal(year.Name, page.Document.QuerySelector<IHtmlInputElement>("#from")!.Value);
    }

    [Fact]
    public async Task The_form_the_page_shows_submits_the_same_search_again()
    {
        var api = await Api(Phrase);
        var venue = api.GetProperty("facets").GetProperty("venue").EnumerateObject().First(p => p.Value.GetInt32() > 0).Name;
        var year = api.GetProperty("facets").GetProperty("year").EnumerateObject().First(p => p.Value.GetInt32() > 0).Name;
        var url = $"/?q={Uri.EscapeDataString(Phrase)}&from={year}&venue={Uri.EscapeDataString(venue)}&sort=date-asc&size=5";
        var first = await Html.Get(app.Client, url);

        var form = first.Document.QuerySelector<IHtmlFormElement>("form.search-form")!;
        var submission = form.GetSubmission()!;
        var again = await Html.Get(app.Client, submission.Target.Href);

        Assert.Equal(Ids(first.Document), Ids(again.Document));
        Assert.Equal(first.Document.QuerySelector("#results-heading")!.Text(), again.Document.QuerySelector("#results-heading")!.Text());
        Assert.Equal("date-asc", again.Document.QuerySelector<IHtmlSelectElement>("#sort")!.Value);
    }

    [Fact]
    public async Task Pager_and_document_links_carry_the_whole_search()
    {
        var api = await Api(Phrase);
        var year = api.GetProperty("facets").GetProperty("year").EnumerateObject().OrderByDescending(p => p.Value.GetInt32()).First().Name;
        var url = $"/?q={Uri.EscapeDataString(Phrase)}&from={year}&size=1";
        var page = await Html.Get(app.Client, url);

        var next = page.Document.QuerySelector(".pager a[rel='next']");
        Assert.NotNull(next);
        var second = await Html.Get(app.Client, next.Href(page.Document));
        var direct = await Html.Get(app.Client, url + "&page=2");
        Assert.Equal(Ids(direct.Document), Ids(second.Document));
        Assert.NotEqual(Ids(page.Document), Ids(second.Document));

        var documentLink = page.Document.QuerySelector(".hit-title a")!;
        var document = await Html.Get(app.Client, documentLink.Href(page.Document));
        var back = document.Document.QuerySelector(".breadcrumbs a")!.Href(document.Document);
        var returned = await Html.Get(app.Client, back);
        Assert.Equal(Ids(page.Document), Ids(returned.Document));
        Assert.Equal(year, returned.Document.QuerySelector<IHtmlInputElement>("#from")!.Value);
    }

    [Fact]
    public async Task Without_a_query_the_page_offers_example_searches_that_work()
    {
        var page = await Html.Get(app.Client, "/");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        var examples = page.Document.QuerySelectorAll(".examples a");
        Assert.NotEmpty(examples);
        var first = await Html.Get(app.Client, examples[0].Href(page.Document));
        Assert.NotEmpty(first.Document.QuerySelectorAll("li.hit-item"));
    }

    [Fact]
    public async Task Before_a_search_the_filters_show_the_whole_corpus_counts()
    {
        var stats = app.Search.Stats();

        var page = await Html.Get(app.Client, "/");

        var venues = page.Document.QuerySelectorAll("fieldset[data-facet='venue'] li").ToDictionary(
            li => li.QuerySelector("input")!.GetAttribute("value")!, li => int.Parse(li.QuerySelector(".facet-count")!.Text()));
        Assert.Equal(stats.Venue.Where(v => v.Value > 0).OrderBy(v => v.Key), venues.OrderBy(v => v.Key));
        Assert.Empty(page.Document.QuerySelectorAll("li.hit-item"));
    }

    [Fact]
    public async Task Filters_alone_browse_the_corpus_newest_first()
    {
        var kind = app.Search.Stats().Kind.Where(k => k.Value > 0).OrderByDescending(k => k.Value).First();

        var page = await Html.Get(app.Client, $"/?kind={Uri.EscapeDataString(kind.Key)}&size=100");

        var items = page.Document.QuerySelectorAll("li.hit-item");
        Assert.Equal(kind.Value, items.Length);
        Assert.All(items, item => Assert.Contains(kind.Key, item.QuerySelector(".tag")!.TextContent));
        var dates = items.Select(i => i.QuerySelector("time")?.GetAttribute("datetime")).OfType<string>().ToList();
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task Filters_in_force_show_above_the_results_each_with_a_link_that_removes_it()
    {
        // A venue and a kind of one hit, so that both filters together still find it (a year would not do on the seeds:
        // no document there states both its venue and its year).
        var hit = (await Api(Phrase)).GetProperty("hits").EnumerateArray()
            .First(h => h.GetProperty("venue").ValueKind == JsonValueKind.String && h.GetProperty("kind").ValueKind == JsonValueKind.String);
        var venue = hit.GetProperty("venue").GetString()!;
        var kind = hit.GetProperty("kind").GetString()!;
        var unfiltered = (await Html.Get(app.Client, $"/?q={Uri.EscapeDataString(Phrase)}")).Document;

        var page = await Html.Get(app.Client, $"/?q={Uri.EscapeDataString(Phrase)}&venue={Uri.EscapeDataString(venue)}&kind={Uri.EscapeDataString(kind)}");

        Assert.Empty(unfiltered.QuerySelectorAll(".summary .active-filters"));
        var chips = page.Document.QuerySelectorAll(".summary .active-filters a.chip");
        Assert.Equal(2, chips.Length);
        var kindChip = chips.Single(c => c.Text().Contains($"类别：{kind}"));
        var venueChip = chips.Single(c => c.Text().Contains(venue));
        Assert.Equal($"/?q={Uri.EscapeDataString(Phrase)}&venue={Uri.EscapeDataString(venue)}", kindChip.Href(page.Document));
        Assert.Equal($"/?q={Uri.EscapeDataString(Phrase)}&kind={Uri.EscapeDataString(kind)}", venueChip.Href(page.Document));
        Assert.Contains(venue, venueChip.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task No_results_under_a_filter_offers_links_that_remove_it()
    {
        var page = await Html.Get(app.Client, $"/?q={Uri.EscapeDataString(Phrase)}&from=1900&to=1900");

        Assert.Empty(page.Document.QuerySelectorAll("li.hit-item"));
        var remove = page.Document.QuerySelectorAll(".no-results a");
        Assert.NotEmpty(remove);
        var unfiltered = await Html.Get(app.Client, remove[0].Href(page.Document));
        Assert.NotEmpty(unfiltered.Document.QuerySelectorAll("li.hit-item"));
    }

    [Fact]
    public async Task Searches_are_logged_with_query_filters_hits_and_time()
    {
        var mark = app.Logs.Mark();
        await app.Client.GetAsync($"/?q={Uri.EscapeDataString(Phrase)}&kind=%E8%AE%B2%E8%AF%9D");

        var logged = app.Logs.Since(mark).Single(e => e.Properties.ContainsKey("Query"));
        Assert.Equal($"\"{Phrase}\"", logged.Properties["Query"].ToString());
        Assert.Contains("kind=讲话", logged.Properties["Filters"].ToString());
        Assert.True(logged.Properties.ContainsKey("Hits"));
        Assert.True(logged.Properties.ContainsKey("ElapsedMs"));
    }

    private static string[] Ids(IDocument document) =>
        document.QuerySelectorAll(".hit-title a").Select(a => a.GetAttribute("href")!.Split('?')[0]).ToArray();

    private async Task<JsonElement> Api(string query) =>
        JsonDocument.Parse(await app.Client.GetStringAsync($"/api/search?q={Uri.EscapeDataString(query)}")).RootElement;
}
