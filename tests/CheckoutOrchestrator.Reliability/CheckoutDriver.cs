using System.Diagnostics;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Harness;

namespace CheckoutOrchestrator.Reliability;

/// <summary>One checkout as its merchant and its customer live it: open, pay or not, wait, cancel when out of patience.</summary>
public sealed class CheckoutDriver
{
    private static readonly string[] FinalStatuses = ["succeeded", "failed", "expired", "cancelled"];
    private readonly ApiClient api;
    private readonly HttpClient customer;
    private readonly Uri simulatorUrl;
    private readonly ChaosSettings settings;

    public CheckoutDriver(ApiClient api, HttpClient customer, Uri simulatorUrl, ChaosSettings settings)
    {
        this.api = api;
        this.customer = customer;
        this.simulatorUrl = simulatorUrl;
        this.settings = settings;
    }

    public async Task<DrivenCheckout> RunAsync(int index, PaymentProvider provider, Fate fate, string runId)
    {
        var driven = new DrivenCheckout(index, provider, fate, $"{runId}-{index:D5}");
        var request = CheckoutBodies.Request(provider, driven.Reference, settings.ExpiresInSeconds);
        if (await api.CallAsync(client => client.CreateAsync(request)) is not { } opened)
        {
            return driven;
        }

        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        driven.CheckoutId = checkoutId;
        var page = PageOf(provider, opened) ?? await PageWhenOpenAsync(provider, checkoutId);
        await Task.Delay(TimeSpan.FromSeconds(1 + Random.Shared.Next(8)));
        if (page is not null && fate is Fate.Pays or Fate.Fails)
        {
            await ChooseAsync(page, fate == Fate.Pays ? "pay" : "fail");
        }

        if (page is not null && fate == Fate.PaysAsTheMerchantCancels)
        {
            var cancel = api.CallAsync(client => client.CancelAsync(checkoutId));
            await Task.Delay(Random.Shared.Next(2000));
            await ChooseAsync(page, "pay", ("callbacks", "delivered"));
            await cancel;
        }

        if (page is not null && fate == Fate.FailsThenPaysUnheard)
        {
            await ChooseAsync(page, "fail", ("callbacks", "delivered"), ("retry", "true"));
            await Task.Delay(TimeSpan.FromSeconds(1 + Random.Shared.Next(3)));
            await ChooseAsync(page, "pay", ("callbacks", "lost"));
        }

        var view = await WaitAsync(checkoutId, settings.PatienceSeconds is { } patience ? TimeSpan.FromSeconds(patience) : TimeSpan.FromMinutes(30));
        if (!IsFinal(view) && settings.PatienceSeconds is not null)
        {
            await api.CallAsync(client => client.CancelAsync(checkoutId));
            await WaitAsync(checkoutId, TimeSpan.FromMinutes(5));
        }

        if (page is not null && fate == Fate.PaysAfterTheEnd)
        {
            await ChooseAsync(page, "pay");
        }

        return driven;
    }

    private static bool IsFinal(JsonElement? view) =>
        view is { } v && FinalStatuses.Contains(v.GetProperty("status").GetString());

    private Uri? PageOf(PaymentProvider provider, JsonElement opened) => provider == PaymentProvider.Adullam
        ? opened.TryGetProperty("providerSessionId", out var session) && session.GetString() is { } sessionId ? new Uri(simulatorUrl, $"adullam/phone/{sessionId}") : null
        : opened.TryGetProperty("checkoutUrl", out var url) && url.GetString() is { } checkoutUrl ? new Uri(checkoutUrl) : null;

    private async Task<Uri?> PageWhenOpenAsync(PaymentProvider provider, string checkoutId)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await api.CallAsync(client => client.GetAsync(checkoutId)) is { } view)
            {
                if (PageOf(provider, view) is { } page)
                {
                    return page;
                }

                if (IsFinal(view))
                {
                    return null;
                }
            }

            await Task.Delay(1000);
        }

        return null;
    }

    /// <summary>
    /// The customer's click, with the simulator's per-click switches (callbacks lost or delivered, the
    /// page kept open); a page that refuses it (the session has ended) is part of the run, not an error.
    /// </summary>
    private async Task ChooseAsync(Uri page, string choice, params (string Name, string Value)[] fields)
    {
        try
        {
            using var form = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
            using var response = await customer.PostAsync(new Uri($"{page.AbsoluteUri}/{choice}"), form);
        }
        catch (HttpRequestException)
        {
            // The truth is read from the simulator afterwards; a lost click is a customer who did not pay.
        }
    }

    /// <summary>Long-polls the checkout until it is final or the time is up; the last view read.</summary>
    private async Task<JsonElement?> WaitAsync(string checkoutId, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        JsonElement? view = null;
        while (clock.Elapsed < limit)
        {
            var wait = TimeSpan.FromSeconds(Math.Clamp((limit - clock.Elapsed).TotalSeconds, 1, 30));
            if (await api.CallAsync(client => client.GetAsync(checkoutId, wait)) is { } read)
            {
                view = read;
                if (IsFinal(view))
                {
                    return view;
                }
            }
            else
            {
                await Task.Delay(1000);
            }
        }

        return view;
    }
}

/// <summary>What the run did to one checkout and what the API answered.</summary>
public sealed class DrivenCheckout(int index, PaymentProvider provider, Fate fate, string reference)
{
    public int Index { get; } = index;

    public PaymentProvider Provider { get; } = provider;

    public Fate Fate { get; } = fate;

    public string Reference { get; } = reference;

    public string? CheckoutId { get; set; }
}
