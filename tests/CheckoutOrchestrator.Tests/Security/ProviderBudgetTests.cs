using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Api.Checkouts;
using CheckoutOrchestrator.Api.Webhooks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Tests.Api;
using CheckoutOrchestrator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace CheckoutOrchestrator.Tests.Security;

/// <summary>Adullam allows so many requests an hour per account: its calls keep to their rate whatever competes for them.</summary>
[Collection(AttackGroup.Name)]
public sealed class ProviderBudgetTests : ApiTestBase
{
    private readonly ITestOutputHelper output;

    public ProviderBudgetTests(AttackDevRunFixture fixture, ITestOutputHelper output)
        : base(fixture)
    {
        this.output = output;
    }

    [Fact]
    public async Task Adullams_calls_keep_to_their_rate_while_creates_lookups_and_a_flood_of_webhooks_compete()
    {
        var before = await Fixture.Simulators.CountsAsync("adullam");
        var clock = Stopwatch.StartNew();

        // Six checkouts open at once, and every one of their customers' phones gets a flood of forged webhooks meanwhile.
        var opening = Enumerable.Range(0, 6).Select(_ => PostCheckoutAsync(CheckoutBodies.For(PaymentProvider.Adullam))).ToList();
        var flood = Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
            {
                using var forged = await Api.PostAsync(
                    new Uri("/webhooks/adullam", UriKind.Relative),
                    new StringContent($$$"""{"id":"evt_{{{i}}}","type":"payment.completed","data":{"id":"cs_ci_{{{i}}}","status":"completed"}}""", Encoding.UTF8, "application/json"));
            }
        });
        var responses = await Task.WhenAll(opening);
        await flood;
        var opened = new List<JsonElement>();
        foreach (var response in responses)
        {
            using (response)
            {
                opened.Add(await JsonOf(response));
            }
        }

        foreach (var checkout in opened.Where(c => c.TryGetProperty("checkoutId", out _)))
        {
            await ChooseAsync(await CustomerPageAsync(PaymentProvider.Adullam, checkout), "pay");
        }

        foreach (var checkout in opened.Where(c => c.TryGetProperty("checkoutId", out _)))
        {
            Assert.Equal("succeeded", (await FinalStateAsync(checkout.GetProperty("checkoutId").GetString()!)).GetProperty("status").GetString());
        }

        clock.Stop();
        var after = await Fixture.Simulators.CountsAsync("adullam");
        var calls = after.Creates + after.StatusLookups - before.Creates - before.StatusLookups;

        // The server hands out Adullam's activities at the rate, with a burst of its ceiling: never faster, whoever asks.
        Assert.True(calls >= 12, $"{calls} creates and lookups");
        Assert.True(calls <= (AttackDevRunFixture.AdullamCallsPerSecond * clock.Elapsed.TotalSeconds) + 2, $"{calls} calls in {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task A_merchant_past_its_share_of_adullams_creates_gets_a_429_while_another_merchants_create_opens()
    {
        // The other shop's burst has already spent its share (a third of the creates' lane for a minute).
        var shares = Fixture.Run.ApiServices.GetRequiredService<MerchantCreateShares>();
        while (shares.Take(DevRunFixture.OtherShop.Id, PaymentProvider.Adullam) is null)
        {
        }

        var sessionsBefore = await SessionsAsync("adullam");
        using var other = Fixture.ApiAs(DevRunFixture.OtherShop.ApiKey);
        using var refused = await other.PostAsync(new Uri("/checkouts", UriKind.Relative), new StringContent(CheckoutBodies.For(PaymentProvider.Adullam).ToJsonString(), Encoding.UTF8, "application/json"));
        var problem = await JsonOf(refused);
        using var elsewhere = await other.PostAsync(new Uri("/checkouts", UriKind.Relative), new StringContent(CheckoutBodies.For(PaymentProvider.Kiotapay).ToJsonString(), Encoding.UTF8, "application/json"));
        var mine = await OpenAsync(CheckoutBodies.For(PaymentProvider.Adullam));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.EndsWith("/provider-share-spent", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        Assert.Equal(DevMerchant.Shop.Id, mine.GetProperty("merchantId").GetString());
        Assert.Equal(sessionsBefore + 1, await SessionsAsync("adullam"));
    }

    [Fact]
    public async Task Another_merchants_adullam_create_gets_its_url_within_a_third_of_a_minute_while_one_merchant_bursts_and_an_outsider_sends_hints()
    {
        // The burst: 30 creates at once, past the merchant's share (a third of the creates' lane for a minute).
        var burst = BurstAsync(30);
        await Task.Delay(500);

        // Meanwhile an outsider floods token-less hints naming Adullam session ids, and another merchant opens one checkout.
        using var stop = new CancellationTokenSource();
        var hints = Harness.AdullamHints.SendUntilAsync(Api, stop.Token);
        var clock = Stopwatch.StartNew();
        using var other = await PostCheckoutAsync(CheckoutBodies.For(PaymentProvider.Adullam));
        var theirs = await JsonOf(other);
        var checkoutId = theirs.GetProperty("checkoutId").GetString()!;
        var opened = theirs.GetProperty("action").ValueKind == JsonValueKind.Object
            ? theirs
            : await EventuallyAsync(checkoutId, c => c.GetProperty("action").ValueKind == JsonValueKind.Object);
        var timeToPrompt = clock.Elapsed;
        await stop.CancelAsync();
        await hints;

        // The hints' ids are searched again in the background for a moment: let that end before the next attack test counts searches.
        await Task.Delay(UnmatchedCallbacks.SearchAgainAfter.Aggregate(TimeSpan.Zero, (a, b) => a + b) + TimeSpan.FromSeconds(2));
        var refused = await burst;
        output.WriteLine($"The other merchant's Adullam prompt after {timeToPrompt.TotalSeconds:F1} s; {refused} of the burst's 30 creates refused past the share.");

        Assert.Equal("adullam", opened.GetProperty("provider").GetString());
        Assert.True(timeToPrompt < TimeSpan.FromSeconds(25), $"the other merchant waited {timeToPrompt.TotalSeconds:F1} s for its prompt");
        Assert.InRange(refused, 30 - CallBudget.MerchantCreatesPerMinute(AttackDevRunFixture.AdullamCallsPerSecond) - 1, 30 - CallBudget.MerchantCreatesPerMinute(AttackDevRunFixture.AdullamCallsPerSecond));
    }

    private static async Task<HttpStatusCode> OpenAdullamAsync(HttpClient merchant)
    {
        using var body = new StringContent(CheckoutBodies.For(PaymentProvider.Adullam).ToJsonString(), Encoding.UTF8, "application/json");
        using var answer = await merchant.PostAsync(new Uri("/checkouts", UriKind.Relative), body);
        return answer.StatusCode;
    }

    /// <summary>The burst merchant's creates, all at once; how many were refused as past its share.</summary>
    private async Task<int> BurstAsync(int creates)
    {
        using var burster = Fixture.ApiAs(AttackDevRunFixture.BurstShop.ApiKey);
        var answers = await Task.WhenAll(Enumerable.Range(0, creates).Select(_ => OpenAdullamAsync(burster)));
        return answers.Count(status => status == HttpStatusCode.TooManyRequests);
    }
}
