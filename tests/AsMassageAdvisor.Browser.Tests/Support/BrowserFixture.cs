using Microsoft.Playwright;

namespace AsMassageAdvisor.Browser.Tests.Support;

/// <summary>One headless Chromium for a test class, started only where it is installed.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The running browser; only the Chromium tests ask for it, and they are skipped without one.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Chromium.SkipReason);

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            // No sandbox (tests run as root in CI) and nothing that reaches the network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A new page of a fixed size in its own context, holding the given HTML.</summary>
    public async Task<IPage> OpenAsync(string html)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 900, Height = 1150 },
            DeviceScaleFactor = 1,
            JavaScriptEnabled = true,
        });
        var page = await context.NewPageAsync();
        await page.SetContentAsync(html);
        return page;
    }
}
