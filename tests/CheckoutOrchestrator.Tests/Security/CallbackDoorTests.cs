using System.Net;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Api.Webhooks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Tests.Api;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Temporalio.Converters;
using Xunit;

namespace CheckoutOrchestrator.Tests.Security;

/// <summary>
/// The callback door, tried as an attacker would, against the running system: an unauthenticated
/// callback is a hint, never evidence, and nothing from outside grows a checkout's history without bound.
/// </summary>
[Collection(AttackGroup.Name)]
public sealed class CallbackDoorTests : ApiTestBase
{
    /// <summary>What one step of a checkout can write after Temporal suggested handing over: a lookup, its publication, two merchant events, the end.</summary>
    private const int OneStep = 40;

    public CallbackDoorTests(AttackDevRunFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task A_flood_of_tokenless_callbacks_at_one_checkout_costs_it_a_bounded_history_and_lookups_and_a_paid_checkout_still_succeeds()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        var historyBefore = await HistoryLengthAsync(checkoutId);
        var lookupsBefore = (await Fixture.Simulators.CountsAsync("kiotapay")).StatusLookups;

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 2000; i++)
        {
            using var response = await PostRawAsync(new Uri("/webhooks/kiotapay", UriKind.Relative), $$"""{"externalReference":"{{checkoutId}}","status":"SUCCEEDED","n":{{i}}}""");
            answers.Add(response.StatusCode);
        }

        var growth = await HistoryLengthAsync(checkoutId) - historyBefore;
        var lookups = (await Fixture.Simulators.CountsAsync("kiotapay")).StatusLookups - lookupsBefore;
        Assert.All(answers, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, status.ToString()));
        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        Assert.InRange(growth, 0, 40);
        Assert.InRange(lookups, 0, 2);
        Assert.Equal("pending", (await GetCheckoutAsync(checkoutId)).GetProperty("status").GetString());

        // The address's budget for tokenless callbacks is spent; tokened ones have their own: the real payment's get through at once.
        await ChooseAsync(new Uri(opened.GetProperty("checkoutUrl").GetString()!), "pay");
        Assert.Equal("succeeded", (await FinalStateAsync(checkoutId)).GetProperty("status").GetString());

        // Leave the tokenless budget refilled for the tests that follow.
        await Task.Delay(TimeSpan.FromSeconds(11));
    }

    [Fact]
    public async Task Tokenless_bodies_naming_unknown_ids_cost_at_most_a_stated_number_of_searches_each_and_fewer_when_they_repeat()
    {
        var search = Fixture.Run.ApiServices.GetRequiredService<SessionKeySearch>();
        var unmatched = Fixture.Run.ApiServices.GetRequiredService<UnmatchedCallbacks>();
        string[] fields = ["id", "checkoutSessionId", "checkoutRef", "externalReference", "externalRef"];
        string Body() => "{" + string.Join(",", fields.Select(f => $"\"{f}\":\"{Guid.NewGuid():N}\"")) + ",\"status\":\"SUCCEEDED\"}";
        var settle = UnmatchedCallbacks.SearchAgainAfter.Aggregate(TimeSpan.Zero, (a, b) => a + b) + TimeSpan.FromSeconds(2);

        var before = search.Searches;
        for (var i = 0; i < 100; i++)
        {
            using var sent = await PostRawAsync(new Uri("/webhooks/kiotapay", UriKind.Relative), Body());
        }

        // On a loaded machine the searches again can run behind their schedule: each phase counts all of its own.
        await Task.Delay(settle);
        await EventuallyAsync(() => Task.FromResult(unmatched.Waiting == 0));
        var distinct = search.Searches - before;

        var repeated = Body();
        before = search.Searches;
        var started = DateTime.UtcNow;
        for (var i = 0; i < 100; i++)
        {
            using var sent = await PostRawAsync(new Uri("/webhooks/kiotapay", UriKind.Relative), repeated);
        }

        var sending = DateTime.UtcNow - started;
        await Task.Delay(settle);
        await EventuallyAsync(() => Task.FromResult(unmatched.Waiting == 0));
        var same = search.Searches - before;

        // Each body: one inline search of all its ids, and at most that many searches again; bodies naming the same ids share them.
        Assert.InRange(distinct, 100, 100 * (1 + UnmatchedCallbacks.SearchAgainAfter.Length));
        Assert.InRange(same, 1, 1 + UnmatchedCallbacks.SearchAgainAfter.Length + (int)Math.Ceiling(sending.TotalSeconds));
    }

    [Fact]
    public async Task Tokened_bodies_bring_bounded_text_and_progress_alone_is_coalesced_so_a_leaked_url_cannot_grow_a_history()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        var url = Urls.ForCheckout(PaymentProvider.Kiotapay, checkoutId);
        var huge = new string('X', 60_000);

        for (var i = 0; i < 20; i++)
        {
            using var hugeStatus = await PostRawAsync(url, $$"""{"status":"{{huge}}{{i}}"}""");
            using var progress = await PostRawAsync(url, $$"""{"status":"PENDING","n":{{i}}}""");
        }

        // Lookups the unreadable statuses buy may hand the checkout over to a new run: every run is read.
        await EventuallyAsync(async () => (await SignalsAsync(checkoutId)).Count >= 20);
        var signals = await SignalsAsync(checkoutId);
        var bytes = 0;
        await foreach (var run in Fixture.Temporal.ListWorkflowsAsync($"WorkflowId = '{checkoutId}'"))
        {
            bytes = Math.Max(bytes, (await Fixture.Temporal.GetWorkflowHandle(checkoutId, run.RunId).FetchHistoryAsync()).ToJson().Length);
        }

        // 20 unreadable statuses reached it, the first PENDING riding the next one's signal; the other 19 were coalesced.
        Assert.Equal(20, signals.Count);
        Assert.Single(signals.SelectMany(s => s), e => e.Status?.Raw == "PENDING");
        Assert.True(bytes < 200_000, $"{bytes} bytes of history");
    }

    [Fact]
    public async Task An_open_checkout_under_a_tokened_flood_goes_on_in_a_new_run_that_still_takes_the_payment()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        var firstRun = (await Fixture.Temporal.GetWorkflowHandle(checkoutId).DescribeAsync()).RunId;
        var url = Urls.ForCheckout(PaymentProvider.Kiotapay, checkoutId);
        for (var i = 0; i < AttackDevRunFixture.SuggestContinueAsNewAt; i++)
        {
            using var sent = await PostRawAsync(url, $$"""{"status":"FAILED","n":{{i}}}""");
        }

        await EventuallyAsync(async () => (await Fixture.Temporal.GetWorkflowHandle(checkoutId).DescribeAsync()).RunId != firstRun);
        var continued = await GetCheckoutAsync(checkoutId);
        await ChooseAsync(new Uri(opened.GetProperty("checkoutUrl").GetString()!), "pay");
        var final = await FinalStateAsync(checkoutId);

        Assert.Equal("pending", continued.GetProperty("status").GetString());
        Assert.Equal(opened.GetProperty("expiresAt").GetString(), continued.GetProperty("expiresAt").GetString());
        Assert.Equal("succeeded", final.GetProperty("status").GetString());
        Assert.Equal(new Customer(null, null, null), (await LatestRunInputAsync(checkoutId)).Request.Customer);
        var lengths = new List<int>();
        await foreach (var run in Fixture.Temporal.ListWorkflowsAsync($"WorkflowId = '{checkoutId}'"))
        {
            lengths.Add((await Fixture.Temporal.GetWorkflowHandle(checkoutId, run.RunId).FetchHistoryAsync()).Events.Count);
        }

        Assert.True(lengths.Count >= 2);
        Assert.All(lengths, length => Assert.InRange(length, 1, AttackDevRunFixture.SuggestContinueAsNewAt + OneStep));
    }

    [Fact]
    public async Task The_answer_to_a_tokenless_callback_does_not_tell_whether_its_checkout_exists()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var known = opened.GetProperty("checkoutId").GetString()!;

        using var forKnown = await PostRawAsync(new Uri("/webhooks/kiotapay", UriKind.Relative), $$"""{"externalReference":"{{known}}","status":"PENDING"}""");
        using var forUnknown = await PostRawAsync(new Uri("/webhooks/kiotapay", UriKind.Relative), $$"""{"externalReference":"{{SampleCheckouts.UnknownCheckoutId()}}","status":"PENDING"}""");

        Assert.Equal((forKnown.StatusCode, await forKnown.Content.ReadAsStringAsync()), (forUnknown.StatusCode, await forUnknown.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Another_checkouts_payment_uuid_in_a_tokenless_waftpay_body_never_makes_an_unpaid_checkout_succeed()
    {
        var paid = await OpenAsync(CheckoutBodies.For(PaymentProvider.Waftpay));
        var paidId = paid.GetProperty("checkoutId").GetString()!;
        await ChooseAsync(new Uri(paid.GetProperty("checkoutUrl").GetString()!), "pay");
        var paidUuid = (await FinalStateAsync(paidId)).GetProperty("providerPaymentId").GetString()!;

        var unpaid = await OpenAsync(CheckoutBodies.For(PaymentProvider.Waftpay));
        var unpaidId = unpaid.GetProperty("checkoutId").GetString()!;
        var lookupsBefore = (await Fixture.Simulators.CountsAsync("waftpay")).StatusLookups;
        var forged = $$$"""{"status":"SUCCESS","code":"102","description":"ok","results":{"transaction_reference":"{{{unpaidId}}}","payment_uuid":"{{{paidUuid}}}","amount":1750}}""";

        using var response = await PostRawAsync(new Uri("/webhooks/waftpay", UriKind.Relative), forged);
        await EventuallyAsync(async () => (await Fixture.Simulators.CountsAsync("waftpay")).StatusLookups > lookupsBefore);
        var checkout = await GetCheckoutAsync(unpaidId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pending", checkout.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, checkout.GetProperty("providerPaymentId").ValueKind);
        Assert.False(checkout.GetProperty("needsReview").GetBoolean());
    }

    [Fact]
    public async Task After_a_chpter_checkout_ended_a_tokenless_success_records_no_late_payment_and_tells_the_merchant_nothing_more()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Chpter));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        using (await Api.PostAsync(new Uri($"/checkouts/{checkoutId}/cancel", UriKind.Relative), null))
        {
        }

        await Fixture.Simulators.InboxAsync(checkoutId, atLeast: 2);
        var orderId = opened.GetProperty("providerReference").GetString()!;
        var forged = $$"""{"payment_method":"MPESA","paid":"True","response_status":200,"order_id":"{{orderId}}","message":"M-PESA Payment Successful","amount":"100","payment_status":"Payment complete."}""";

        using var response = await PostRawAsync(new Uri("/webhooks/chpter", UriKind.Relative), forged);
        var listed = await EventuallyAsync(checkoutId, c => c.GetProperty("reviewNotes").EnumerateArray().Any(n => n.GetProperty("reason").GetString() == "unverified_late_claim"));

        Assert.Equal(JsonValueKind.Null, listed.GetProperty("latePayment").ValueKind);
        Assert.Equal("cancelled", listed.GetProperty("status").GetString());
        Assert.Equal([MerchantEventTypes.Cancelled], (await Fixture.Simulators.InboxAsync(checkoutId)).Select(e => e.Type));
    }

    [Fact]
    public async Task A_tampered_callback_sent_again_and_again_after_the_end_puts_one_note_on_review_and_tells_the_merchant_once()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        using (await Api.PostAsync(new Uri($"/checkouts/{checkoutId}/cancel", UriKind.Relative), null))
        {
        }

        var url = Urls.ForCheckout(PaymentProvider.Kiotapay, checkoutId);
        for (var i = 0; i < 5; i++)
        {
            using var sent = await PostRawAsync(url, $$"""{"status":"SUCCEEDED","attempt":{{i}}}""");
        }

        var reviewed = await EventuallyAsync(checkoutId, c => c.GetProperty("reviewNotes").GetArrayLength() > 0);
        await Task.Delay(2000);
        var after = await GetCheckoutAsync(checkoutId);

        Assert.Equal("cancelled", reviewed.GetProperty("status").GetString());
        Assert.Single(after.GetProperty("reviewNotes").EnumerateArray());
        Assert.Single(await Fixture.Simulators.InboxAsync(checkoutId), e => e.Type == MerchantEventTypes.NeedsReview);
    }

    [Fact]
    public async Task Cancelling_a_cancelled_checkout_again_and_again_answers_the_same_and_writes_nothing_to_its_history()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        using (var first = await Api.PostAsync(new Uri($"/checkouts/{checkoutId}/cancel", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        for (var i = 0; i < 100; i++)
        {
            using var again = await Api.PostAsync(new Uri($"/checkouts/{checkoutId}/cancel", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal("cancelled", (await JsonOf(again)).GetProperty("status").GetString());
        }

        // Only the first cancel is an update in the checkout's history; the others were answered from what it says.
        var history = await Fixture.Temporal.GetWorkflowHandle(checkoutId).FetchHistoryAsync();
        Assert.Equal(1, history.Events.Count(e => e.WorkflowExecutionUpdateAcceptedEventAttributes is not null || e.WorkflowExecutionUpdateAdmittedEventAttributes is not null));
    }

    [Fact]
    public async Task A_long_watch_under_many_callbacks_goes_on_in_a_new_run_that_still_records_a_late_payment()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.LakiPay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        using (await Api.PostAsync(new Uri($"/checkouts/{checkoutId}/cancel", UriKind.Relative), null))
        {
        }

        var firstRun = (await Fixture.Temporal.GetWorkflowHandle(checkoutId).DescribeAsync()).RunId;
        var url = Urls.ForCheckout(PaymentProvider.LakiPay, checkoutId);
        for (var i = 0; i < AttackDevRunFixture.SuggestContinueAsNewAt / 2; i++)
        {
            using var sent = await PostRawAsync(url, $$"""{"event":"DEPOSIT","status":"FAILED","n":{{i}}}""");
        }

        await EventuallyAsync(async () => (await Fixture.Temporal.GetWorkflowHandle(checkoutId).DescribeAsync()).RunId != firstRun);
        await ChooseAsync(new Uri(opened.GetProperty("checkoutUrl").GetString()!), "pay");
        var late = await EventuallyAsync(checkoutId, c => c.GetProperty("latePayment").ValueKind == JsonValueKind.Object);

        Assert.Equal("cancelled", late.GetProperty("status").GetString());
        Assert.Equal(new Customer(null, null, null), (await LatestRunInputAsync(checkoutId)).Request.Customer);
        // However the flood splits between runs, each stays near the point Temporal suggested handing over
        // (one run alone would hold about 285 events); the last may pass it by the step that records the payment.
        var lengths = new List<int>();
        await foreach (var run in Fixture.Temporal.ListWorkflowsAsync($"WorkflowId = '{checkoutId}'"))
        {
            lengths.Add((await Fixture.Temporal.GetWorkflowHandle(checkoutId, run.RunId).FetchHistoryAsync()).Events.Count);
        }

        Assert.True(lengths.Count >= 2);
        Assert.All(lengths, length => Assert.InRange(length, 1, AttackDevRunFixture.SuggestContinueAsNewAt + OneStep));
    }

    [Fact]
    public async Task An_event_for_a_notification_url_inside_the_network_is_refused_when_connecting_and_the_attempt_is_on_the_checkout()
    {
        var body = CheckoutBodies.For(PaymentProvider.Kiotapay);
        body["notificationUrl"] = new Uri(Fixture.Run.SimulatorUrl, "simulator/kiotapay/faults").AbsoluteUri;
        var opened = await OpenAsync(body);
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;

        using (await Api.PostAsync(new Uri($"/checkouts/{checkoutId}/cancel", UriKind.Relative), null))
        {
        }

        var refused = await EventuallyAsync(checkoutId, c => c.GetProperty("notifications").EnumerateArray().Any(n => n.GetProperty("state").GetString() == "undeliverable"));
        var attempt = refused.GetProperty("notifications")[0].GetProperty("attempts")[0];
        Assert.Contains("is not an address events may be sent to", attempt.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("httpStatus").ValueKind);
    }

    [Theory]
    [InlineData(true, true, HttpStatusCode.OK)]
    [InlineData(false, true, HttpStatusCode.Unauthorized)]
    [InlineData(true, false, HttpStatusCode.Unauthorized)]
    public async Task Temporal_uis_own_oidc_access_token_decodes_payloads_only_for_an_operator_of_this_application(bool rightAudience, bool operatorRole, HttpStatusCode expected)
    {
        var oidc = ((AttackDevRunFixture)Fixture).Oidc;
        using var codec = new HttpClient { BaseAddress = Fixture.Run.ApiUrl };
        codec.DefaultRequestHeaders.Authorization = new("Bearer", oidc.Token(rightAudience ? LoopbackOidcProvider.Audience : "another-app", operatorRole: operatorRole));

        using var response = await codec.PostAsync(new Uri("/codec/decode", UriKind.Relative), new StringContent("""{"payloads":[]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>What the checkout's latest run was started with (a new run's input is its first event).</summary>
    private async Task<CheckoutWorkflowInput> LatestRunInputAsync(string checkoutId)
    {
        var history = await Fixture.Temporal.GetWorkflowHandle(checkoutId).FetchHistoryAsync();
        return await Fixture.Temporal.Options.DataConverter.ToValueAsync<CheckoutWorkflowInput>(history.Events.First().WorkflowExecutionStartedEventAttributes.Input.Payloads_[0]);
    }

    private async Task<int> HistoryLengthAsync(string checkoutId) =>
        (await Fixture.Temporal.GetWorkflowHandle(checkoutId).DescribeAsync()).HistoryLength;
}
