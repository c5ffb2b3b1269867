using System.Net.Http.Json;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Simulators.Merchant;

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

    /// <summary>Waits until the provider has delivered a callback whose body names <paramref name="bodyContains"/> (and, if given, went to that checkout's URL).</summary>
    public async Task CallbacksDeliveredAsync(string provider, string? checkoutId, string bodyContains)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var deliveries = await Http.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"/simulator/{provider}/callbacks") ?? [];
            if (deliveries.Exists(d => d.GetProperty("body").GetString()!.Contains(bodyContains, StringComparison.Ordinal)
                && d.GetProperty("status").ValueKind == System.Text.Json.JsonValueKind.Number
                && (checkoutId is null || d.GetProperty("url").GetString()!.Contains(checkoutId, StringComparison.Ordinal))))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {provider} callback naming {bodyContains} was delivered.");
            }

            await Task.Delay(100);
        }
    }

    public async Task RevokeTokensAsync(string provider) =>
        (await Http.PostAsync(new Uri($"/simulator/{provider}/revoke-tokens", UriKind.Relative), null)).EnsureSuccessStatusCode();

    /// <summary>Every event the merchant inbox received for one checkout, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedEvent>> InboxAsync(string checkoutId) =>
        [.. (await Http.GetFromJsonAsync<List<ReceivedEvent>>("/simulator/merchant/inbox"))!.Where(e => e.CheckoutId == checkoutId)];

    /// <summary>Waits until the inbox holds at least this many events for the checkout.</summary>
    public async Task<IReadOnlyList<ReceivedEvent>> InboxAsync(string checkoutId, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var events = await InboxAsync(checkoutId);
            if (events.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                return events;
            }

            await Task.Delay(50);
        }
    }

    public async Task SetInboxFaultsAsync(InboxFaults faults) =>
        (await Http.PutAsJsonAsync("/simulator/merchant/inbox/faults", faults)).EnsureSuccessStatusCode();

    public async Task ClearInboxFaultsAsync() =>
        (await Http.DeleteAsync(new Uri("/simulator/merchant/inbox/faults", UriKind.Relative))).EnsureSuccessStatusCode();

    /// <summary>Whether the inbox is keeping a delivery for this checkout waiting.</summary>
    public async Task<bool> IsHoldingAsync(string checkoutId) =>
        (await Http.GetFromJsonAsync<List<ReceivedEvent>>("/simulator/merchant/inbox/held"))!.Any(e => e.CheckoutId == checkoutId);

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
