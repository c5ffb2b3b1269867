using System.Net.Http.Json;
using CheckoutOrchestrator.Simulators.Infrastructure;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>
/// The simulators as a test drives them over HTTP: fault switches, counters, and a customer's
/// clicks. The client does not follow redirects, as a test of the hosted page needs.
/// </summary>
public sealed class SimulatorControl : IDisposable
{
    public SimulatorControl(Uri baseUrl)
    {
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseUrl };
    }

    public HttpClient Http { get; }

    public async Task SetFaultsAsync(string provider, FaultSettings faults) =>
        (await Http.PutAsJsonAsync($"/simulator/{provider}/faults", faults)).EnsureSuccessStatusCode();

    public async Task ClearFaultsAsync(string provider) =>
        (await Http.DeleteAsync(new Uri($"/simulator/{provider}/faults", UriKind.Relative))).EnsureSuccessStatusCode();

    /// <summary>Switches faults on until the returned scope is disposed.</summary>
    public async Task<IAsyncDisposable> FaultsAsync(string provider, FaultSettings faults)
    {
        await SetFaultsAsync(provider, faults);
        return new FaultScope(this, provider);
    }

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

    public void Dispose() => Http.Dispose();

    private sealed class FaultScope : IAsyncDisposable
    {
        private readonly SimulatorControl control;
        private readonly string provider;

        public FaultScope(SimulatorControl control, string provider)
        {
            this.control = control;
            this.provider = provider;
        }

        public async ValueTask DisposeAsync() => await control.ClearFaultsAsync(provider);
    }
}

public sealed record SimulatorCounts(int TokenRequests, int Creates, int StatusLookups, int Sessions);
