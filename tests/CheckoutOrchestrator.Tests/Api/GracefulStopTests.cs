using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CheckoutOrchestrator.Api;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

/// <summary>An API instance that is stopped (a deploy, a scale-in) answers its waiting reads at once.</summary>
public sealed class GracefulStopTests : ApiTestBase
{
    public GracefulStopTests(DevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task A_stopping_api_answers_its_open_waits_with_the_checkouts_state_instead_of_holding_the_stop()
    {
        var (instance, client) = await SecondInstanceAsync();

        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var waiting = client.GetAsync(new Uri($"/checkouts/{opened.GetProperty("checkoutId").GetString()}?wait=30s", UriKind.Relative));
        await Task.Delay(500);
        var stopping = Stopwatch.StartNew();
        await instance.StopAsync();
        using var answer = await waiting;
        stopping.Stop();
        await instance.DisposeAsync();
        client.Dispose();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("pending", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"the stop took {stopping.Elapsed}");
    }

    [Fact]
    public async Task A_stopping_api_sends_the_progress_it_held_before_it_goes()
    {
        var (instance, client) = await SecondInstanceAsync(new() { ["Webhooks:ProgressHold"] = "01:00:00" });
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        var callbackUrl = Urls.ForCheckout(PaymentProvider.Kiotapay, checkoutId);

        using var held = await client.PostAsync(new Uri(callbackUrl.PathAndQuery, UriKind.Relative), new StringContent("""{"status":"PROCESSING"}""", System.Text.Encoding.UTF8, "application/json"));
        var whileRunning = await SignalsAsync(checkoutId);
        await instance.StopAsync();
        await instance.DisposeAsync();
        client.Dispose();

        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Empty(whileRunning);
        Assert.Equal(["PROCESSING"], Assert.Single(await SignalsAsync(checkoutId)).Select(e => e.Status?.Raw));
    }

    /// <summary>A second API instance beside the dev run's, on the same cluster and configuration (plus any settings given).</summary>
    private async Task<(WebApplication Instance, HttpClient Client)> SecondInstanceAsync(Dictionary<string, string?>? settings = null)
    {
        var port = DevRun.FreePort();
        var configuration = Fixture.Run.ApiServices.GetRequiredService<IConfiguration>();
        var instance = CheckoutApiApp.Create([], builder =>
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddConfiguration(configuration);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? []) { ["Urls"] = $"http://127.0.0.1:{port}" });
        });
        await instance.StartAsync();
        var client = Fixture.ApiAs(DevMerchant.Shop.ApiKey);
        client.BaseAddress = new Uri($"http://127.0.0.1:{port}");
        return (instance, client);
    }
}
