using Corpus.Web.Tests.Support;
using Microsoft.Playwright;

namespace Corpus.Web.Tests.Browser;

/// <summary>A researcher's pattern session in real Chromium: search a pattern, open its filler table, follow a filler, refine within results.</summary>
[Collection(AppCollection.Name)]
public sealed class PatternBrowserTests(AppFixture app, ChromiumFixture chromium)
{
    private const string Pattern = Samples.CommonPattern;

    [SkippableFact]
    public async Task Run_a_pattern_open_the_filler_table_and_refine_within_results()
    {
        await using var session = await Session.Open(chromium.Require(), app.BaseAddress);
        var page = session.Page;

        await page.GotoAsync("/");
        await page.Locator("#q").FillAsync(Pattern);
        await Navigate(page, () => page.Locator("#q").PressAsync("Enter"), "q=");
        var total = int.Parse((await page.Locator("#results-heading strong").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 0);
        var marks = await page.Locator(".snippet mark").AllTextContentsAsync();
        Assert.Contains(marks, m => Samples.WithoutSpaces(m) is var t && t.StartsWith("疫情", StringComparison.Ordinal) && t.EndsWith("防控", StringComparison.Ordinal));
        await session.Screenshot("pattern-search");

        await Navigate(page, () => page.GetByRole(AriaRole.Link, new() { Name = "填充统计" }).ClickAsync(), "/fillers");
        var rows = page.Locator("table.fillers tbody tr");
        Assert.True(await rows.CountAsync() > 1);
        await Navigate(page, () => page.GetByRole(AriaRole.Link, new() { Name = "文档数" }).ClickAsync(), "sort=documents");
        var documents = await page.Locator("table.fillers tbody td.num:nth-child(3)").AllTextContentsAsync();
        Assert.Equal(documents.Select(int.Parse).OrderDescending(), documents.Select(int.Parse));
        await session.Screenshot("pattern-fillers");

        // A filler's link searches its matches: every hit marks that exact text.
        var match = Samples.WithoutSpaces((await page.Locator("table.fillers tbody td.filler .muted").First.TextContentAsync())!);
        await Navigate(page, () => page.Locator("table.fillers tbody td.filler a").First.ClickAsync(), "/?q=");
        Assert.All(await page.Locator(".snippet mark").AllTextContentsAsync(), m => Assert.Equal(match, Samples.WithoutSpaces(m)));

        // Back to the pattern, with a filter, then narrow down within the results: the filter stays.
        await page.GotoAsync($"/?q={Uri.EscapeDataString(Pattern)}&from=2020");
        var before = int.Parse((await page.Locator("#results-heading strong").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator("select[name='refine-mode']").SelectOptionAsync("not");
        await page.Locator("#refine").FillAsync("武汉");
        await Navigate(page, () => page.GetByRole(AriaRole.Button, new() { Name = "再检索" }).ClickAsync(), "-");
        Assert.Equal($"{Pattern} -武汉", await page.Locator("#q").InputValueAsync());
        Assert.Contains("from=2020", page.Url);
        Assert.DoesNotContain("refine", page.Url);
        var after = int.Parse((await page.Locator("#results-heading strong").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(after <= before);
        await session.Screenshot("pattern-refined");
        session.AssertNoConsoleErrors();
    }

    private static async Task Navigate(IPage page, Func<Task> action, string expectedInUrl)
    {
        var from = page.Url;
        var navigated = page.WaitForURLAsync(url => url != from && Uri.UnescapeDataString(url).Contains(expectedInUrl, StringComparison.Ordinal),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await action();
        await navigated;
    }
}
