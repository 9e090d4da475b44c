using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Corpus.Ingest.Model;
using Corpus.Web.Tests.Support;

namespace Corpus.Web.Tests;

/// <summary>The 不详 bucket and "not this value" over HTTP: API totals against brute force over the exported
/// documents, and the search page's checkboxes and chips that carry them without script.</summary>
[Collection(AppCollection.Name)]
public sealed class FacetExclusionTests(AppFixture app)
{
    private const string Unknown = "不详";
    private const string Query = "的";

    [Fact]
    public async Task Api_unknown_bucket_and_exclusion_equal_brute_force_over_the_export()
    {
        var documents = app.Search.AllDocuments().Where(d => Holds(d, Query)).ToList();
        var venue = documents.Where(d => d.Venue is not null).GroupBy(d => d.Venue!).OrderByDescending(g => g.Count()).First().Key;

        var all = await Api($"q={Query}");
        var unknown = await Api($"q={Query}&venue={Unknown}&size=100");
        var notVenue = await Api($"q={Query}&notvenue={Uri.EscapeDataString(venue)}&size=100");
        var neither = await Api($"q={Query}&notvenue={Unknown}&notvenue={Uri.EscapeDataString(venue)}&size=100");

        var withoutVenue = documents.Count(d => d.Venue is null);
        Assert.True(withoutVenue > 0, "the seed corpus has documents without a venue");
        Assert.Equal(withoutVenue, all.GetProperty("facets").GetProperty("venue").GetProperty(Unknown).GetInt32());
        Assert.Equal(withoutVenue, unknown.GetProperty("total").GetInt32());
        Assert.All(unknown.GetProperty("hits").EnumerateArray(), h => Assert.Equal(JsonValueKind.Null, h.GetProperty("venue").ValueKind));
        Assert.Equal(documents.Count(d => d.Venue != venue), notVenue.GetProperty("total").GetInt32());
        Assert.DoesNotContain(notVenue.GetProperty("hits").EnumerateArray(), h => h.GetProperty("venue").GetString() == venue);
        Assert.Equal(documents.Count(d => d.Venue is not null && d.Venue != venue), neither.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_page_keeps_an_exclusion_in_its_form_and_offers_the_unknown_bucket()
    {
        var api = await Api($"q={Query}");
        var venue = api.GetProperty("facets").GetProperty("venue").EnumerateObject().Where(p => p.Name != Unknown).MaxBy(p => p.Value.GetInt32()).Name;
        var excluded = await Api($"q={Query}&notvenue={Uri.EscapeDataString(venue)}");

        var page = await Html.Get(app.Client, $"/?q={Query}&notvenue={Uri.EscapeDataString(venue)}");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains(excluded.GetProperty("total").GetInt32().ToString(), page.Document.QuerySelector("#results-heading")!.Text());
        var boxes = page.Document.QuerySelectorAll<IHtmlInputElement>("fieldset[data-facet='venue'] input").Where(i => i.Value == venue).ToList();
        Assert.Equal(2, boxes.Count);
        Assert.False(boxes.Single(b => b.Name == "venue").IsChecked);
        Assert.True(boxes.Single(b => b.Name == "notvenue").IsChecked);
        Assert.Contains(page.Document.QuerySelectorAll(".active-filters a.chip"), chip => chip.Text().Contains(venue, StringComparison.Ordinal));
        // The 不详 bucket is a value like any other, with the count of documents without a venue.
        var unknownBox = page.Document.QuerySelectorAll<IHtmlInputElement>("fieldset[data-facet='venue'] input[name='venue']").Single(i => i.Value == Unknown);
        var count = int.Parse(unknownBox.ParentElement!.QuerySelector(".facet-count")!.Text());
        Assert.Equal(excluded.GetProperty("facets").GetProperty("venue").GetProperty(Unknown).GetInt32(), count);
    }

    [Theory]
    [InlineData("notkind=演讲")]
    [InlineData("kind=speech")]
    public async Task An_unknown_kind_to_exclude_is_a_problem(string filter)
    {
        var response = await app.Client.GetAsync($"/api/search?q={Query}&{filter}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Unknown, await response.Content.ReadAsStringAsync());
    }

    private static bool Holds(CleanDocument d, string phrase) =>
        (d.Title + "\n" + d.Text).Contains(phrase, StringComparison.Ordinal) || d.Copies.Any(c => c.Text.Contains(phrase, StringComparison.Ordinal));

    private async Task<JsonElement> Api(string query) =>
        JsonDocument.Parse(await app.Client.GetStringAsync("/api/search?" + query)).RootElement;
}
