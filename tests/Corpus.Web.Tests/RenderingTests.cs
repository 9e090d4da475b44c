using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using Corpus.Search;
using Corpus.Web.Rendering;
using Microsoft.AspNetCore.Html;

namespace Corpus.Web.Tests;

public sealed class RenderingTests
{
    [Fact]
    public void Document_text_encodes_the_text_and_marks_exactly_the_spans()
    {
        const string text = "甲<b>乙</b>疫情防控\n第二段疫情防控与疫情防控";
        var hits = AllOccurrences(text, "疫情防控");

        var html = Render(DocumentText.Paragraphs(text, hits));
        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("b"));
        Assert.Equal(["甲<b>乙</b>疫情防控", "第二段疫情防控与疫情防控"],
            document.QuerySelectorAll("p").Select(p => Without(p, ".hit-tools")));
        var marks = document.QuerySelectorAll("mark");
        Assert.Equal(["hit-1", "hit-2", "hit-3"], marks.Select(m => m.Id));
        Assert.All(marks, m => Assert.Equal("疫情防控", m.TextContent));
    }

    [Fact]
    public void A_hit_across_a_paragraph_break_keeps_one_number()
    {
        const string text = "甲乙丙\n丁戊";
        var html = Render(DocumentText.Paragraphs(text, [new HitSpan(1, 5)]));
        var document = new HtmlParser().ParseDocument(html);

        var marks = document.QuerySelectorAll("mark");
        Assert.Equal(2, marks.Length);
        Assert.Equal("hit-1", marks[0].Id);
        Assert.Equal("乙丙", marks[0].TextContent);
        Assert.Equal("", marks[1].Id);
        Assert.Equal("丁戊", marks[1].TextContent);
    }

    [Fact]
    public void Each_hit_links_to_its_neighbours_wrapping_around()
    {
        const string text = "一二一二一";
        var html = Render(DocumentText.Paragraphs(text, AllOccurrences(text, "一")));
        var document = new HtmlParser().ParseDocument(html);

        var tools = document.QuerySelectorAll(".hit-tools");
        Assert.Equal(3, tools.Length);
        Assert.Equal(["#hit-3", "#hit-2"], tools[0].QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["#hit-2", "#hit-1"], tools[2].QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Year_bars_scale_to_the_busiest_year_and_fill_gaps()
    {
        var bars = YearBar.Build(new Dictionary<string, int> { ["2018"] = 4, ["2020"] = 1, ["2021"] = 2 });

        Assert.Equal([2018, 2019, 2020, 2021], bars.Select(b => b.Year));
        Assert.Equal([YearBar.Levels, 0, 5, 10], bars.Select(b => b.Level));
        Assert.Empty(YearBar.Build(new Dictionary<string, int>()));
    }

    [Fact]
    public void Pager_shows_ends_and_a_window_with_gaps()
    {
        Assert.Equal([1, null, 4, 5, 6, 7, 8, null, 20], Pager.Pages(6, 20));
        Assert.Equal([1, 2, 3], Pager.Pages(1, 3));
        Assert.Empty(Pager.Pages(1, 0));
    }

    private static List<HitSpan> AllOccurrences(string text, string phrase)
    {
        var hits = new List<HitSpan>();
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal))
        {
            hits.Add(new HitSpan(at, phrase.Length));
        }
        return hits;
    }

    private static string Render(IEnumerable<IHtmlContent> paragraphs)
    {
        using var writer = new StringWriter();
        foreach (var paragraph in paragraphs)
        {
            writer.Write("<p>");
            paragraph.WriteTo(writer, HtmlEncoder.Default);
            writer.Write("</p>");
        }
        return writer.ToString();
    }

    private static string Without(AngleSharp.Dom.IElement element, string selector)
    {
        var copy = (AngleSharp.Dom.IElement)element.Clone();
        foreach (var child in copy.QuerySelectorAll(selector))
        {
            child.Remove();
        }
        return copy.TextContent;
    }
}
