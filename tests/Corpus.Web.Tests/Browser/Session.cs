using Corpus.Web.Tests.Support;
using Microsoft.Playwright;

namespace Corpus.Web.Tests.Browser;

/// <summary>One browser context and page, collecting console errors and page errors for the test to check.</summary>
public sealed class Session : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> errors = [];

    private Session(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"page error: {error}");
    }

    public IPage Page { get; }

    public static async Task<Session> Open(IBrowser browser, Uri baseAddress, int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        return new Session(context, await context.NewPageAsync());
    }

    /// <param name="fullPage">False for what the viewport shows (a document scrolled to a hit).</param>
    public async Task Screenshot(string name, bool fullPage = true)
    {
        Directory.CreateDirectory(RepoPaths.Screenshots);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, name + ".png"), FullPage = fullPage });
    }

    public void AssertNoConsoleErrors() => Assert.Empty(errors);

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
