using Microsoft.Playwright;

namespace Corpus.Web.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright; never downloads a browser.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;
    private string? missing;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            missing = $"Chromium is missing at {ExecutablePath}: install it with `apt-get install chromium fonts-noto-cjk`.";
            return;
        }
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>The browser, or a skip (a failure when CI=true) naming what to install.</summary>
    public IBrowser Require()
    {
        if (missing is not null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(missing);
            }
            Skip.If(true, missing);
        }
        return browser!;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
    }
}
