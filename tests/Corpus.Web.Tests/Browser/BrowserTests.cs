using Corpus.Search;
using System.Text;
using Corpus.Web.Tests.Support;
using Microsoft.Playwright;

namespace Corpus.Web.Tests.Browser;

/// <summary>Real Chromium against the app on a real port: the scenarios a researcher goes through, and screenshots.</summary>
[Collection(AppCollection.Name)]
public sealed class BrowserTests(AppFixture app, ChromiumFixture chromium)
{
    private const string Phrase = Samples.CommonPhrase;

    [SkippableFact]
    public async Task Search_a_phrase_from_the_home_page()
    {
        await using var session = await Session.Open(chromium.Require(), app.BaseAddress);
        var page = session.Page;

        await page.GotoAsync("/");
        await page.Locator("#q").FillAsync(Phrase);
        await Navigate(page, () => page.Locator("#q").PressAsync("Enter"), "q=");

        Assert.True(await page.Locator("li.hit-item").CountAsync() > 0);
        var marks = await page.Locator(".snippet mark").AllTextContentsAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, mark => Assert.Equal(Phrase, Samples.WithoutSpaces(mark)));
        await session.Screenshot("search");
        await session.Screenshot("search-viewport", fullPage: false);
        session.AssertNoConsoleErrors();
    }

    [SkippableFact]
    public async Task Filter_by_venue_and_date()
    {
        await using var session = await Session.Open(chromium.Require(), app.BaseAddress);
        var page = session.Page;
        await page.GotoAsync($"/?q={Uri.EscapeDataString(Phrase)}");
        // A year with hits, from the histogram of the results (a venue's hits may all be undated: dates are never guessed).
        var year = (await page.Locator(".bars li:has(.bar:not(.level-0)) .bar-year").First.TextContentAsync())!.Trim();
        var venueBox = page.Locator("fieldset[data-facet='venue'] input[name='venue']").First;
        var venue = await venueBox.GetAttributeAsync("value");
        // With script on, ticking a facet applies it at once.
        await Navigate(page, () => venueBox.ClickAsync(), "venue=");

        await page.Locator("#from").FillAsync(year);
        await page.Locator("#to").FillAsync(year);
        await Navigate(page, () => page.GetByRole(AriaRole.Button, new() { Name = "应用筛选" }).ClickAsync(), "from=");
        Assert.Contains("venue=", page.Url);

        var metas = await page.Locator(".hit-meta").AllTextContentsAsync();
        Assert.All(metas, meta => Assert.Contains(venue!, meta));
        var dates = await page.Locator(".hit-meta time").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('datetime'))");
        Assert.All(dates, date => Assert.StartsWith(year, date));
        Assert.True(await page.Locator($"fieldset[data-facet='venue'] input[name='venue'][value='{venue}']").IsCheckedAsync());
        await session.Screenshot("search-filtered");
        session.AssertNoConsoleErrors();
    }

    [SkippableFact]
    public async Task Exclude_a_venue_then_keep_only_the_documents_without_one()
    {
        await using var session = await Session.Open(chromium.Require(), app.BaseAddress);
        var page = session.Page;
        await page.GotoAsync($"/?q={Uri.EscapeDataString("的")}");
        var excludeBox = page.Locator("fieldset[data-facet='venue'] input[name='notvenue']").First;
        var venue = (await excludeBox.GetAttributeAsync("value"))!;
        // With script on, ticking 排除 applies it at once.
        await Navigate(page, () => excludeBox.ClickAsync(), "notvenue=");
        var metas = await page.Locator(".hit-meta").AllTextContentsAsync();
        Assert.NotEmpty(metas);
        Assert.All(metas, meta => Assert.DoesNotContain(venue, meta));
        Assert.True(await page.Locator($"fieldset[data-facet='venue'] input[name='notvenue'][value='{venue}']").IsCheckedAsync());

        var unknownBox = page.Locator("fieldset[data-facet='venue'] input[name='venue'][value='不详']");
        var expected = int.Parse((await page.Locator("fieldset[data-facet='venue'] li:has(input[name='venue'][value='不详']) .facet-count").TextContentAsync())!);
        await Navigate(page, () => unknownBox.ClickAsync(), "venue=%E4%B8%8D%E8%AF%A6");
        Assert.Contains(expected.ToString(), await page.Locator("#results-heading").TextContentAsync());
        Assert.Equal(Math.Min(expected, 10), await page.Locator("li.hit-item").CountAsync());
        Assert.True(await unknownBox.IsCheckedAsync());
        await session.Screenshot("search-unknown-venue");
        session.AssertNoConsoleErrors();
    }

    [SkippableFact]
    public async Task Open_a_document_and_step_through_the_hits_with_n_and_p()
    {
        await using var session = await Session.Open(chromium.Require(), app.BaseAddress);
        var page = session.Page;
        await page.GotoAsync($"/?q={Uri.EscapeDataString(Phrase)}");
        await Navigate(page, () => page.Locator(".hit-title a").First.ClickAsync(), "/documents/");
        var total = await page.Locator(".doc-text mark.hit[id^='hit-']").CountAsync();
        Assert.True(total >= 2, "the first hit of a common phrase should occur more than once");
        await session.Screenshot("document-top", fullPage: false);

        await page.Keyboard.PressAsync("n");
        await AssertCurrentHit(page, 1, total);
        await page.Keyboard.PressAsync("n");
        await AssertCurrentHit(page, 2, total);
        await page.Keyboard.PressAsync("p");
        await AssertCurrentHit(page, 1, total);
        await page.Keyboard.PressAsync("p");
        await AssertCurrentHit(page, total, total);
        await page.Locator("#hit-next").ClickAsync();
        await AssertCurrentHit(page, 1, total);

        await page.Keyboard.PressAsync("n");
        await session.Screenshot("document", fullPage: false);
        session.AssertNoConsoleErrors();
    }

    [SkippableFact]
    public async Task Download_the_concordance_as_csv()
    {
        await using var session = await Session.Open(chromium.Require(), app.BaseAddress);
        var page = session.Page;
        await page.GotoAsync($"/concordance?q={Uri.EscapeDataString(Phrase)}&sort=left");
        var rows = await page.Locator("table.kwic tbody tr").CountAsync();
        Assert.True(rows > 0);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 CSV" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal("match", csv[0][7]);
        Assert.True(csv.Count - 1 >= rows);
        Assert.All(csv.Skip(1), row => Assert.Equal(Phrase, Samples.WithoutSpaces(row[7])));
        Assert.Equal($"{Phrase}-语境索引.csv", download.SuggestedFilename);
        await session.Screenshot("concordance", fullPage: false);
        session.AssertNoConsoleErrors();
    }

    [SkippableFact]
    public async Task Page_through_a_sorted_concordance_then_group_it()
    {
        await using var session = await Session.Open(chromium.Require(), app.BaseAddress);
        var page = session.Page;
        await page.GotoAsync($"/concordance?q={Uri.EscapeDataString(Phrase)}&size=4");
        await page.Locator("#sort1").SelectOptionAsync("right1");
        await page.Locator("#sort2").SelectOptionAsync("leftword1");
        await page.Locator("#collation").SelectOptionAsync("pinyin");
        await Navigate(page, () => page.GetByRole(AriaRole.Button, new() { Name = "生成" }).ClickAsync(), "sort=");

        var seen = new List<string>();
        while (true)
        {
            seen.AddRange(await page.Locator("table.kwic tbody tr").EvaluateAllAsync<string[]>(
                "rows => rows.map(r => r.querySelector('td.match a').getAttribute('href') + '|' + r.querySelector('td.left').textContent + '|' + r.querySelector('td.right').textContent)"));
            var next = page.Locator("a[rel='next']");
            if (await next.CountAsync() == 0)
            {
                break;
            }
            var href = (await next.GetAttributeAsync("href"))!;
            await Navigate(page, () => next.ClickAsync(), href[href.IndexOf("after=", StringComparison.Ordinal)..]);
        }
        var expected = app.Search.ConcordanceLines(
            new ConcordanceRequest(new SearchRequest(Phrase), [ConcordanceKey.Right1, ConcordanceKey.LeftWord1], ConcordanceCollation.Pinyin), out var total).ToList();
        Assert.Equal(total, seen.Count);
        Assert.Equal(expected.Select(l => l.Left + "|" + l.Right), seen.Select(s => string.Join('|', s.Split('|')[1..])));

        await page.Locator("#group").SelectOptionAsync("venue");
        await Navigate(page, () => page.GetByRole(AriaRole.Button, new() { Name = "生成" }).ClickAsync(), "group=venue");
        var counts = await page.Locator("table.group-table tbody tr td.num:nth-child(2)").AllTextContentsAsync();
        var groups = app.Search.ConcordanceGroups(new ConcordanceRequest(new SearchRequest(Phrase), []), ConcordanceGrouping.Venue);
        Assert.Equal(groups.Groups.Select(g => g.Count.ToString()), counts);
        Assert.Equal(total, counts.Sum(int.Parse));
        await session.Screenshot("concordance-groups", fullPage: false);

        var firstVenue = page.Locator("table.group-table tbody a").First;
        var venue = await firstVenue.TextContentAsync();
        await Navigate(page, () => firstVenue.ClickAsync(), "venue=");
        Assert.True(await page.Locator("table.kwic tbody tr").CountAsync() > 0);
        Assert.Contains(venue!, await page.Locator(".active-filters").TextContentAsync());
        session.AssertNoConsoleErrors();
    }

    [SkippableFact]
    public async Task About_page_and_phone_width_layouts()
    {
        var browser = chromium.Require();
        await using (var session = await Session.Open(browser, app.BaseAddress))
        {
            await session.Page.GotoAsync("/about");
            Assert.True(await session.Page.Locator(".count-tables table").CountAsync() == 3);
            await session.Screenshot("about");
            session.AssertNoConsoleErrors();
        }

        await using var phone = await Session.Open(browser, app.BaseAddress, width: 390, height: 844);
        foreach (var (url, name) in new[]
        {
            ($"/?q={Uri.EscapeDataString(Phrase)}", "phone-search"),
            ("/", "phone-home"),
            ($"/concordance?q={Uri.EscapeDataString(Phrase)}", "phone-concordance"),
        })
        {
            await phone.Page.GotoAsync(url);
            await phone.Screenshot(name, fullPage: false);
            // Nothing wider than the screen except inside the scrollable tables.
            var width = await phone.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            var wide = await phone.Page.EvaluateAsync<string>("""
                () => Array.from(document.querySelectorAll('body *'))
                  .filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > window.innerWidth + 1)
                  .map(e => e.tagName + '.' + e.className).slice(0, 8).join(', ')
                """);
            Assert.True(width <= 390, $"{url} is {width}px wide at a 390px viewport: {wide}");
        }
        await phone.Page.GotoAsync($"/?q={Uri.EscapeDataString(Phrase)}");
        await Navigate(phone.Page, () => phone.Page.Locator(".hit-title a").First.ClickAsync(), "/documents/");
        await phone.Page.Keyboard.PressAsync("n");
        await phone.Screenshot("phone-document", fullPage: false);
        phone.AssertNoConsoleErrors();
    }

    [SkippableFact]
    public async Task Keyboard_only_use_shows_where_the_focus_is()
    {
        await using var session = await Session.Open(chromium.Require(), app.BaseAddress);
        var page = session.Page;
        await page.GotoAsync($"/?q={Uri.EscapeDataString(Phrase)}");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到正文", (await page.EvaluateAsync<string>("document.activeElement.textContent")).Trim());
        Assert.True(await page.Locator(".skip-link").IsVisibleAsync());
        for (var i = 0; i < 15; i++)
        {
            var focus = await page.EvaluateAsync<FocusState>("""
                () => {
                  const e = document.activeElement;
                  const s = getComputedStyle(e);
                  const r = e.getBoundingClientRect();
                  return { tag: e.tagName, outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, width: r.width, height: r.height };
                }
                """);
            Assert.True(focus.Outline, $"focus on {focus.Tag} (tab {i}) has no visible outline");
            Assert.True(focus.Width > 0 && focus.Height > 0, $"focus on {focus.Tag} (tab {i}) is invisible");
            await page.Keyboard.PressAsync("Tab");
        }

        // The search itself works from the keyboard alone.
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Locator("#q").FocusAsync();
        await page.Keyboard.TypeAsync(Phrase);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("li.hit-item").First.WaitForAsync();
        Assert.Contains("q=", page.Url);
        Assert.DoesNotContain("from=", page.Url);
        session.AssertNoConsoleErrors();
    }

    [SkippableFact]
    public async Task Timeline_chart_names_its_periods_and_a_click_narrows_the_search_to_one()
    {
        await using var session = await Session.Open(chromium.Require(), app.BaseAddress);
        var page = session.Page;
        await page.GotoAsync("/timeline");
        await page.GetByLabel("查询 1").FillAsync(Phrase);
        await page.GetByLabel("查询 2").FillAsync("武汉");
        await page.Locator("select[name='unit']").SelectOptionAsync("day");
        await Navigate(page, () => page.GetByRole(AriaRole.Button, new() { Name = "绘制" }).ClickAsync(), "q=");

        // The chart is a group named by its title; each period is a link named by its date and every series' figures.
        var chartName = await page.Locator("svg.timeline-chart").EvaluateAsync<string>(
            "svg => svg.getAttribute('role') + ' ' + document.getElementById(svg.getAttribute('aria-labelledby')).textContent");
        Assert.StartsWith("group ", chartName);
        Assert.Contains(Phrase, chartName);
        var names = await page.Locator("svg a.period").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('aria-label'))");
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Matches($"^\\d{{4}}-\\d{{2}}-\\d{{2}}：{Phrase} \\d+ 处、\\d+ 篇.*；武汉 \\d+ 处", name));
        var busy = names.First(n => !n.Contains($"{Phrase} 0 处", StringComparison.Ordinal));
        var day = busy[..10];
        await session.Screenshot("timeline");

        await Navigate(page, () => page.GetByRole(AriaRole.Link, new() { Name = busy, Exact = true }).ClickAsync(), "from=" + day);
        var dates = await page.Locator(".hit-meta time").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('datetime'))");
        Assert.NotEmpty(dates);
        Assert.All(dates, date => Assert.Equal(day, date));
        Assert.Contains(Uri.EscapeDataString(Phrase), page.Url);
        session.AssertNoConsoleErrors();
    }

    /// <summary>Runs what starts a navigation, waiting for it from before it starts (no race with a fast load).</summary>
    private static async Task Navigate(IPage page, Func<Task> action, string expectedInUrl)
    {
        Assert.DoesNotContain(expectedInUrl, page.Url);
        var navigated = page.WaitForURLAsync(url => url.Contains(expectedInUrl), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await action();
        await navigated;
    }

    private static async Task AssertCurrentHit(IPage page, int number, int total)
    {
        var status = $"第 {number} / {total} 处";
        await page.WaitForFunctionAsync(
            $"() => location.hash === '#hit-{number}' && document.activeElement.id === 'hit-{number}' && document.getElementById('hit-status').textContent === '{status}'");
        Assert.Equal(status, (await page.Locator("#hit-status").TextContentAsync())!.Trim());
    }

    public sealed class FocusState
    {
        public string Tag { get; set; } = "";

        public bool Outline { get; set; }

        public double Width { get; set; }

        public double Height { get; set; }
    }
}
