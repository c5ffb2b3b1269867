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
        // A second API instance beside the dev run's, on the same cluster and configuration.
        var port = DevRun.FreePort();
        var configuration = Fixture.Run.ApiServices.GetRequiredService<IConfiguration>();
        var instance = CheckoutApiApp.Create([], builder =>
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddConfiguration(configuration);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Urls"] = $"http://127.0.0.1:{port}" });
        });
        await instance.StartAsync();
        using var client = Fixture.ApiAs(DevMerchant.Shop.ApiKey);
        client.BaseAddress = new Uri($"http://127.0.0.1:{port}");

        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var waiting = client.GetAsync(new Uri($"/checkouts/{opened.GetProperty("checkoutId").GetString()}?wait=30s", UriKind.Relative));
        await Task.Delay(500);
        var stopping = Stopwatch.StartNew();
        await instance.StopAsync();
        using var answer = await waiting;
        stopping.Stop();
        await instance.DisposeAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("pending", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"the stop took {stopping.Elapsed}");
    }
}
