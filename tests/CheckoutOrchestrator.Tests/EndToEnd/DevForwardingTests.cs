using System.Collections.Concurrent;
using System.Net.Http.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Client.Events;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CheckoutOrchestrator.Tests.EndToEnd;

/// <summary>
/// The dev loop to the merchant's own code: DEV_FORWARD_EVENTS_TO sends the development merchant's
/// events to a receiver on the developer's machine, written exactly as docs/client.md shows it.
/// </summary>
public sealed class DevForwardingTests
{
    [Fact]
    public async Task The_documented_receiver_on_loopback_gets_and_verifies_a_real_paid_checkouts_event()
    {
        var received = new ConcurrentQueue<CheckoutEvent>();
        await using var receiver = await StartReceiverAsync(received);
        var forward = new Uri($"{receiver.Urls.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal)}/webhook");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DEV_FORWARD_EVENTS_TO"] = forward.AbsoluteUri }).Build();
        var settings = DevSettings.Load(DevSettings.Find(AppContext.BaseDirectory));
        (settings.Temporal.Port, settings.Temporal.UiPort, settings.Api.Port, settings.Simulators.Port) = (0, 0, 0, 0);
        var options = DevRunOptions.From(settings, configuration) with
        {
            TemporalCliPath = TemporalServers.DevServerPath,
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),
        };
        await using var run = await DevRun.StartAsync(options);
        using var api = new HttpClient { BaseAddress = run.ApiUrl };
        api.DefaultRequestHeaders.Authorization = new("Bearer", DevMerchant.Shop.ApiKey);
        using var customer = new SimulatorControl(run.SimulatorUrl);

        using var opened = await api.PostAsJsonAsync("/checkouts", CheckoutBodies.For(PaymentProvider.Chpter));
        var checkout = await opened.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        using var paid = await customer.ChooseAsync(new Uri(checkout.GetProperty("checkoutUrl").GetString()!), "pay");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (received.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var got = Assert.Single(received);
        Assert.Equal((CheckoutEventTypes.Succeeded, checkout.GetProperty("checkoutId").GetString()), (got.Type, got.Checkout.CheckoutId));
        Assert.Contains(forward.AbsoluteUri, DevRunBanner.For(run), StringComparison.Ordinal);
        Assert.Empty(await customer.InboxAsync(got.Checkout.CheckoutId));
    }

    [Fact]
    public void A_forward_url_that_is_not_http_stops_the_dev_run_with_a_message_naming_the_setting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => DevRunOptions.ForwardUrl("localhost:4242/webhook"));

        Assert.Contains("DEV_FORWARD_EVENTS_TO", refused.Message, StringComparison.Ordinal);
        Assert.Null(DevRunOptions.ForwardUrl(null));
    }

    /// <summary>The receiver of docs/client.md ("Events in ten lines"), with the dev run's signing secret.</summary>
    private static async Task<WebApplication> StartReceiverAsync(ConcurrentQueue<CheckoutEvent> received)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCheckoutEvents(o => o.SigningSecrets.Add(DevMerchant.Shop.NotificationSecret));
        var app = builder.Build();
        app.MapCheckoutEvents("/webhook", (e, ct) =>
        {
            received.Enqueue(e);
            return Task.CompletedTask;
        });
        await app.StartAsync();
        return app;
    }
}
