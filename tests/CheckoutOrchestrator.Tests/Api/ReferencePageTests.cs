using System.Net;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Tests.Infrastructure;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

/// <summary>A person finds the API reference and the dev run's signing secret from the banner alone.</summary>
public sealed class ReferencePageTests : ApiTestBase
{
    public ReferencePageTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task The_banner_names_the_reference_page_which_is_served_without_fetching_anything_from_outside()
    {
        var banner = DevRunBanner.For(Fixture.Run);
        var address = banner.Split(' ', '\n').Single(word => word.EndsWith("/docs", StringComparison.Ordinal));

        using var http = new HttpClient();
        using var page = await http.GetAsync(new Uri(address));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("CheckoutOrchestrator API", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"secret {DevMerchant.Shop.NotificationSecret}", banner, StringComparison.Ordinal);
    }
}
