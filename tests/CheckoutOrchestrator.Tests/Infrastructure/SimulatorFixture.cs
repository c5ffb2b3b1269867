using System.Net.Http.Json;
using CheckoutOrchestrator.Simulators;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Simulators.LakiPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>The five simulated providers on a free loopback port, driven over real HTTP.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    private WebApplication? app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>A plain client that does not follow redirects, as a test of the hosted page needs.</summary>
    public HttpClient Http { get; private set; } = null!;

    public string LakiPayPublicKeyPem => app!.Services.GetRequiredService<LakiPaySigningKey>().PublicKeyPem;

    public async Task InitializeAsync()
    {
        app = SimulatorApp.Create([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        BaseUrl = new Uri(app.Urls.First());
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseUrl };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    public Uri ProviderUrl(string path) => new(BaseUrl, path);

    public async Task SetFaultsAsync(string provider, FaultSettings faults) =>
        (await Http.PutAsJsonAsync($"/simulator/{provider}/faults", faults)).EnsureSuccessStatusCode();

    public async Task ClearFaultsAsync(string provider) =>
        (await Http.DeleteAsync(new Uri($"/simulator/{provider}/faults", UriKind.Relative))).EnsureSuccessStatusCode();

    public async Task<SimulatorCounts> CountsAsync(string provider) =>
        (await Http.GetFromJsonAsync<SimulatorCounts>($"/simulator/{provider}/stats"))!;

    public async Task RevokeTokensAsync(string provider) =>
        (await Http.PostAsync(new Uri($"/simulator/{provider}/revoke-tokens", UriKind.Relative), null)).EnsureSuccessStatusCode();

    /// <summary>Clicks a button on a hosted page (or the Adullam phone): pay, fail or cancel.</summary>
    public async Task<HttpResponseMessage> ChooseAsync(Uri pageUrl, string choice, string? method = null)
    {
        using var form = new FormUrlEncodedContent(method is null ? [] : [new KeyValuePair<string, string>("method", method)]);
        return await Http.PostAsync(new Uri($"{pageUrl.AbsoluteUri}/{choice}"), form);
    }
}

public sealed record SimulatorCounts(int TokenRequests, int Creates, int StatusLookups, int Sessions);
