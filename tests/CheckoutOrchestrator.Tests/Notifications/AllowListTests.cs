using CheckoutOrchestrator.Notifications;
using Xunit;

namespace CheckoutOrchestrator.Tests.Notifications;

/// <summary>An operator's allowed internal endpoint matches at URL boundaries: scheme, host, port and path segment.</summary>
public sealed class AllowListTests
{
    [Theory]
    [InlineData("http://10.0.0.5:8080/events", "http://10.0.0.5:8080/events", true)]
    [InlineData("http://10.0.0.5:8080/events/shop-1", "http://10.0.0.5:8080/events", true)]
    [InlineData("http://10.0.0.5:8080/events/shop-1", "http://10.0.0.5:8080/events/", true)]
    [InlineData("http://10.0.0.5:8080/events-evil", "http://10.0.0.5:8080/events", false)]
    [InlineData("http://10.0.0.5:8080/eventsx/a", "http://10.0.0.5:8080/events", false)]
    [InlineData("https://10.0.0.5:8080/events", "http://10.0.0.5:8080/events", false)]
    [InlineData("http://10.0.0.5:8081/events", "http://10.0.0.5:8080/events", false)]
    [InlineData("http://10.0.0.6:8080/events", "http://10.0.0.5:8080/events", false)]
    public void An_allowed_endpoint_covers_its_own_path_and_those_under_it_only(string url, string allowed, bool covered)
    {
        Assert.Equal(covered, MerchantNotificationActivities.IsUnder(new Uri(url), new Uri(allowed)));
    }
}
