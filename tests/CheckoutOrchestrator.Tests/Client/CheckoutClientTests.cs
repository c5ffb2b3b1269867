using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Client;
using CheckoutOrchestrator.Client.Events;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Tests.Api;
using CheckoutOrchestrator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CheckoutOrchestrator.Tests.Client;

/// <summary>The merchant's .NET client against the running API, registered the way a merchant's backend registers it.</summary>
public sealed class CheckoutClientTests : ApiTestBase, IDisposable
{
    private static readonly JsonSerializerOptions WriteNulls = new(CheckoutClient.Json) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never };
    private readonly ServiceProvider services;

    public CheckoutClientTests(DevRunFixture fixture)
        : base(fixture)
    {
        var collection = new ServiceCollection();
        collection.AddCheckoutClient(o =>
        {
            o.BaseAddress = fixture.Run.ApiUrl;
            o.ApiKey = DevMerchant.Shop.ApiKey;
        });
        services = collection.BuildServiceProvider();
    }

    private CheckoutClient Checkouts => services.GetRequiredService<CheckoutClient>();

    [Fact]
    public async Task A_merchant_opens_waits_for_lists_and_cancels_a_checkout_with_the_client()
    {
        var request = Request(PaymentProvider.LakiPay);

        var opened = await Checkouts.CreateAsync(request);
        var again = await Checkouts.CreateAsync(request);
        var waited = await Checkouts.GetAsync(opened.CheckoutId, TimeSpan.FromSeconds(1));
        var listed = await Checkouts.ListAsync(new CheckoutListFilter { Reference = request.MerchantReference, Status = CheckoutStatuses.Pending, NeedsReview = false }).ToListAsync();
        var cancelled = await Checkouts.CancelAsync(opened.CheckoutId, "customer left");

        Assert.NotNull(opened.CheckoutUrl);
        Assert.Equal((opened.CheckoutId, CheckoutStatuses.Pending), (again.CheckoutId, waited.Status));
        Assert.Equal([opened.CheckoutId], listed.Select(c => c.CheckoutId));
        Assert.Equal((CheckoutStatuses.Cancelled, true), (cancelled.Status, cancelled.IsFinal));
        Assert.Equal(1000.50m, opened.Amount.ToDecimal());
    }

    [Fact]
    public async Task Listing_walks_every_page()
    {
        var provider = PaymentProvider.Chpter;
        for (var i = 0; i < 3; i++)
        {
            await Checkouts.CreateAsync(Request(provider));
        }

        var all = await Checkouts.ListAsync(new CheckoutListFilter { Provider = "chpter" }).ToListAsync();
        var paged = await Checkouts.ListAsync(new CheckoutListFilter { Provider = "chpter", PageSize = 1 }).ToListAsync();

        Assert.True(all.Count >= 3);
        Assert.Equal(all.Select(c => c.CheckoutId), paged.Select(c => c.CheckoutId));
    }

    [Fact]
    public async Task Each_refusal_is_an_exception_of_its_family_carrying_the_problem_document()
    {
        var invalid = await Assert.ThrowsAsync<CheckoutInvalidRequestException>(() => Checkouts.CreateAsync(Request(PaymentProvider.Kiotapay) with { Amount = "-5" }));
        var missing = await Assert.ThrowsAsync<CheckoutNotFoundException>(() => Checkouts.GetAsync(SampleCheckouts.Keys.IdFor(DevMerchant.Shop.Id, "never")));
        using var http = new HttpClient { BaseAddress = Fixture.Run.ApiUrl };
        var stranger = CheckoutClient.Create(http, "cok_nobody_holds_this_key");
        var refused = await Assert.ThrowsAsync<CheckoutAuthenticationException>(() => stranger.GetAsync(SampleCheckouts.Keys.IdFor(DevMerchant.Shop.Id, "never")));

        var paid = await Checkouts.CreateAsync(Request(PaymentProvider.Chpter));
        await ChooseAsync(paid.CheckoutUrl!, "pay");
        Assert.Equal(CheckoutStatuses.Succeeded, (await Checkouts.GetAsync(paid.CheckoutId, TimeSpan.FromSeconds(30))).Status);
        var conflict = await Assert.ThrowsAsync<CheckoutConflictException>(() => Checkouts.CancelAsync(paid.CheckoutId));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "amount"), (invalid.StatusCode, invalid.Problem.Errors!.Keys.Single()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(paid.CheckoutId, conflict.Problem.Extensions!["checkoutId"].GetString());
    }

    [Fact]
    public async Task A_merchant_lists_its_events_and_has_one_sent_again_with_the_client()
    {
        var paid = await Checkouts.CreateAsync(Request(PaymentProvider.Chpter));
        await ChooseAsync(paid.CheckoutUrl!, "pay");
        await Checkouts.GetAsync(paid.CheckoutId, TimeSpan.FromSeconds(30));
        await Fixture.Simulators.InboxAsync(paid.CheckoutId, atLeast: 1);

        var events = await Checkouts.ListEventsAsync(new EventListFilter { CheckoutId = paid.CheckoutId, Delivered = true }).ToListAsync();
        var sent = Assert.Single(events);
        var again = await Checkouts.RedeliverAsync(sent.Id);
        var raw = await Api.GetFromJsonAsync<JsonNode>($"/events?checkoutId={paid.CheckoutId}");
        var written = JsonSerializer.SerializeToNode(raw!["events"]![0].Deserialize<EventRecord>(CheckoutClient.Json), WriteNulls);

        Assert.Equal((CheckoutEventTypes.Succeeded, "delivered"), (sent.Type, sent.State));
        Assert.Equal((sent.Id, "pending"), (again.Id, again.Redelivery!.State));
        Assert.True(JsonNode.DeepEquals(raw["events"]![0], written), $"API: {raw["events"]![0]}\nclient: {written}");
    }

    [Fact]
    public async Task The_clients_checkout_reads_every_field_the_api_writes()
    {
        var opened = await Checkouts.CreateAsync(Request(PaymentProvider.Kiotapay));
        await Checkouts.CancelAsync(opened.CheckoutId);

        var raw = await Api.GetFromJsonAsync<JsonNode>($"/checkouts/{opened.CheckoutId}");
        var typed = raw.Deserialize<Checkout>(CheckoutClient.Json);
        var written = JsonSerializer.SerializeToNode(typed, WriteNulls);
        ((JsonObject)written!).Remove("isFinal");

        Assert.True(JsonNode.DeepEquals(raw, written), $"API: {raw}\nclient: {written}");
    }

    [Fact]
    public async Task No_answer_at_all_is_the_transports_own_exception_so_a_caller_can_retry_it()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:1") };
        var unreachable = CheckoutClient.Create(http, DevMerchant.Shop.ApiKey);

        await Assert.ThrowsAsync<HttpRequestException>(() => unreachable.GetAsync(SampleCheckouts.Keys.IdFor(DevMerchant.Shop.Id, "x")));
    }

    public void Dispose() => services.Dispose();

    private static CreateCheckoutRequest Request(PaymentProvider provider) =>
        CheckoutBodies.For(provider).Deserialize<CreateCheckoutRequest>(CheckoutClient.Json)!;
}
