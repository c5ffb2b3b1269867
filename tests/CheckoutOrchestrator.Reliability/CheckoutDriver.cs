using System.Diagnostics;
using System.Text;
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
        var body = CheckoutBodies.For(provider, driven.Reference, settings.ExpiresInSeconds).ToJsonString();
        var (status, answer) = await api.SendAsync("POST /checkouts", () => new HttpRequestMessage(HttpMethod.Post, "/checkouts")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });
        var opened = JsonDocument.Parse(answer).RootElement;
        driven.CheckoutId = opened.TryGetProperty("checkoutId", out var id) ? id.GetString() : null;
        if (status is not (201 or 202) || driven.CheckoutId is null)
        {
            return driven;
        }

        var page = status == 201 ? PageOf(provider, opened) : await PageWhenOpenAsync(provider, driven.CheckoutId);
        await Task.Delay(TimeSpan.FromSeconds(1 + Random.Shared.Next(8)));
        if (page is not null && fate is Fate.Pays or Fate.Fails)
        {
            await ChooseAsync(page, fate == Fate.Pays ? "pay" : "fail");
        }

        var view = await WaitAsync(driven.CheckoutId, settings.PatienceSeconds is { } patience ? TimeSpan.FromSeconds(patience) : TimeSpan.FromMinutes(30));
        if (!IsFinal(view) && settings.PatienceSeconds is not null)
        {
            await api.SendAsync("POST /checkouts/{id}/cancel", () => new HttpRequestMessage(HttpMethod.Post, $"/checkouts/{driven.CheckoutId}/cancel"));
            await WaitAsync(driven.CheckoutId, TimeSpan.FromMinutes(5));
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
            var (status, body) = await api.SendAsync("GET /checkouts/{id}", () => new HttpRequestMessage(HttpMethod.Get, $"/checkouts/{checkoutId}"));
            if (status == 200)
            {
                var view = JsonDocument.Parse(body).RootElement;
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

    /// <summary>The customer's click; a page that refuses it (the session has ended) is part of the run, not an error.</summary>
    private async Task ChooseAsync(Uri page, string choice)
    {
        try
        {
            using var form = new FormUrlEncodedContent([]);
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
            var (status, body) = await api.SendAsync("GET /checkouts/{id}?wait", () => new HttpRequestMessage(HttpMethod.Get, $"/checkouts/{checkoutId}?wait={(int)wait.TotalSeconds}s"));
            if (status == 200)
            {
                view = JsonDocument.Parse(body).RootElement.Clone();
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
