using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

/// <summary>An operator works through the review queue: each note resolved with an outcome, audited in the history, told to the merchant.</summary>
public sealed class ReviewResolutionApiTests : ApiTestBase, IDisposable
{
    public ReviewResolutionApiTests(DevRunFixture fixture)
        : base(fixture)
    {
        Operator = fixture.ApiAs(DevRun.DevOperatorToken);
    }

    private HttpClient Operator { get; }

    public void Dispose() => Operator.Dispose();

    [Fact]
    public async Task A_contradicted_claim_confirmed_paid_during_the_watch_becomes_a_late_payment_whose_refund_then_empties_the_queue()
    {
        var checkoutId = await CancelledWithContradictedClaimAsync();
        Assert.Contains(await QueueAsync("contradicted_claim"), id => id == checkoutId);

        // The checkout's own workflow is still watching: the update goes to it.
        using var paid = await ResolveAsync(checkoutId, "contradicted_claim", "confirmed_paid", "Kiotapay dashboard shows KES 1500 received, txn KP-77");
        var afterPaid = await JsonOf(paid);

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal("cancelled", afterPaid.GetProperty("status").GetString());
        Assert.Equal("operator", afterPaid.GetProperty("latePayment").GetProperty("source").GetString());
        Assert.True(afterPaid.GetProperty("needsReview").GetBoolean(), "the confirmed money asks for fulfilment or a refund");
        var resolution = Note(afterPaid, "contradicted_claim").GetProperty("resolution");
        Assert.Equal(("confirmed_paid", DevRun.DevOperatorName), (resolution.GetProperty("outcome").GetString(), resolution.GetProperty("resolvedBy").GetString()));

        // With money found the watch ends and the workflow closes: the next resolution goes to its reconciliation.
        await WaitUntilClosedAsync(checkoutId);
        using var refunded = await ResolveAsync(checkoutId, "late_payment", "refunded", "refunded through the Kiotapay dashboard, ref R-9");
        var afterRefund = await JsonOf(refunded);

        Assert.Equal(HttpStatusCode.OK, refunded.StatusCode);
        Assert.False(afterRefund.GetProperty("needsReview").GetBoolean());
        Assert.False((await GetCheckoutAsync(checkoutId)).GetProperty("needsReview").GetBoolean());
        Assert.DoesNotContain(await QueueAsync(null), id => id == checkoutId);
        var events = await Fixture.Simulators.InboxAsync(checkoutId, atLeast: 6);
        var resolved = events.Where(e => e.Type == MerchantEventTypes.ReviewResolved).ToList();
        Assert.Equal(2, resolved.Count);
        Assert.All(resolved, e => Assert.True(e.SignatureVerified, e.SignatureProblem));
    }

    [Fact]
    public async Task Only_the_last_open_note_clears_needs_review_and_a_second_resolution_of_a_note_is_a_409()
    {
        var checkoutId = await CancelledWithContradictedClaimAsync();
        var opened = await GetCheckoutAsync(checkoutId);
        await ChooseAsync(new Uri(opened.GetProperty("checkoutUrl").GetString()!), "pay");
        await EventuallyAsync(checkoutId, c => c.GetProperty("latePayment").ValueKind == JsonValueKind.Object);
        await WaitUntilClosedAsync(checkoutId);

        using var first = await ResolveAsync(checkoutId, "contradicted_claim", "dismissed", "the late payment below explains it");
        var stillOpen = await JsonOf(first);
        using var again = await ResolveAsync(checkoutId, "contradicted_claim", "confirmed_unpaid", "a second opinion");
        using var unknown = await ResolveAsync(checkoutId, "amount_mismatch", "dismissed", "never noted");
        using var last = await ResolveAsync(checkoutId, "late_payment", "fulfilled", "order shipped");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(stillOpen.GetProperty("needsReview").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.EndsWith("/review-resolved", (await JsonOf(again)).GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.False((await JsonOf(last)).GetProperty("needsReview").GetBoolean());
        Assert.Equal("dismissed", Note(await GetCheckoutAsync(checkoutId), "contradicted_claim").GetProperty("resolution").GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData("confirmed_paid", false)]
    [InlineData("confirmed_unpaid", false)]
    [InlineData("refunded", false)]
    [InlineData("fulfilled", false)]
    [InlineData("dismissed", false)]
    [InlineData("confirmed_paid", true)]
    [InlineData("confirmed_unpaid", true)]
    [InlineData("refunded", true)]
    [InlineData("fulfilled", true)]
    [InlineData("dismissed", true)]
    public async Task Every_outcome_is_recorded_on_an_open_and_on_a_closed_checkout_and_never_moves_its_status(string outcome, bool closed)
    {
        var checkoutId = await CancelledWithContradictedClaimAsync();
        if (closed)
        {
            await ChooseAsync(new Uri((await GetCheckoutAsync(checkoutId)).GetProperty("checkoutUrl").GetString()!), "pay");
            await WaitUntilClosedAsync(checkoutId);
        }

        using var answer = await ResolveAsync(checkoutId, "contradicted_claim", outcome, $"checked at Kiotapay: {outcome}");
        var checkout = await GetCheckoutAsync(checkoutId);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("cancelled", checkout.GetProperty("status").GetString());
        var resolution = Note(checkout, "contradicted_claim").GetProperty("resolution");
        Assert.Equal((outcome, DevRun.DevOperatorName), (resolution.GetProperty("outcome").GetString(), resolution.GetProperty("resolvedBy").GetString()));
        Assert.Equal(closed || outcome == "confirmed_paid", checkout.GetProperty("latePayment").ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public async Task A_merchant_key_cannot_act_as_an_operator_and_an_operator_token_cannot_act_as_a_merchant()
    {
        using var queue = await Api.GetAsync(new Uri("/operator/checkouts", UriKind.Relative));
        using var resolve = await Api.PostAsync(
            new Uri($"/operator/checkouts/{SampleCheckouts.Keys.IdFor(DevMerchant.Shop.Id, "x")}/reviews/late_payment/resolve", UriKind.Relative),
            Json("""{"outcome":"dismissed","note":"x"}"""));
        using var list = await Operator.GetAsync(new Uri("/checkouts", UriKind.Relative));

        Assert.All([queue, resolve, list], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    [Fact]
    public async Task A_resolution_without_a_known_outcome_or_a_note_is_a_400_naming_each_field()
    {
        using var bad = await Operator.PostAsync(
            new Uri($"/operator/checkouts/{SampleCheckouts.Keys.IdFor(DevMerchant.Shop.Id, "x")}/reviews/late_payment/resolve", UriKind.Relative),
            Json("""{"outcome":"approved","note":""}"""));
        using var queue = await Operator.GetAsync(new Uri("/operator/checkouts?reason=whatever&olderThan=yesterday", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await JsonOf(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("outcome", out _) && errors.TryGetProperty("note", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, queue.StatusCode);
        var queueErrors = (await JsonOf(queue)).GetProperty("errors");
        Assert.True(queueErrors.TryGetProperty("reason", out _) && queueErrors.TryGetProperty("olderThan", out _), queueErrors.ToString());
    }

    [Fact]
    public async Task The_dev_run_banners_queue_command_works_as_printed()
    {
        var line = DevRunBanner.For(Fixture.Run).Split('\n').Single(l => l.Contains("Review queue", StringComparison.Ordinal));
        var url = line.Split('\'')[1];
        var token = line.Split("Bearer ")[1].Split('\'')[0];
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        using var queue = await http.GetAsync(new Uri(url));

        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await JsonOf(queue)).GetProperty("checkouts").ValueKind);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static JsonElement Note(JsonElement checkout, string reason) =>
        checkout.GetProperty("reviewNotes").EnumerateArray().Single(n => n.GetProperty("reason").GetString() == reason);

    /// <summary>A Kiotapay checkout the merchant cancelled, then a tokened "paid" callback its lookup contradicts: on review while its watch runs.</summary>
    private async Task<string> CancelledWithContradictedClaimAsync()
    {
        var opened = await OpenAsync(CheckoutBodies.For(PaymentProvider.Kiotapay));
        var checkoutId = opened.GetProperty("checkoutId").GetString()!;
        using (await Api.PostAsync(new Uri($"/checkouts/{checkoutId}/cancel", UriKind.Relative), null))
        {
            Assert.Equal("cancelled", (await FinalStateAsync(checkoutId)).GetProperty("status").GetString());
        }

        var url = Fixture.Run.ApiServices.GetRequiredService<CallbackUrls>().ForCheckout(PaymentProvider.Kiotapay, checkoutId);
        using (await Fixture.Api.PostAsync(url, Json("""{"status": "SUCCEEDED"}""")))
        {
        }

        await EventuallyAsync(checkoutId, c => c.GetProperty("needsReview").GetBoolean());
        return checkoutId;
    }

    private Task<HttpResponseMessage> ResolveAsync(string checkoutId, string reason, string outcome, string note) =>
        Operator.PostAsync(
            new Uri($"/operator/checkouts/{checkoutId}/reviews/{reason}/resolve", UriKind.Relative),
            Json(JsonSerializer.Serialize(new { outcome, note })));

    /// <summary>The checkout ids on the operators' queue, every page.</summary>
    private async Task<List<string>> QueueAsync(string? reason)
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            var query = $"/operator/checkouts?pageSize=100{(reason is null ? string.Empty : $"&reason={reason}")}{(token is null ? string.Empty : $"&pageToken={token}")}";
            var page = await Operator.GetFromJsonAsync<JsonElement>(query);
            ids.AddRange(page.GetProperty("checkouts").EnumerateArray().Select(c => c.GetProperty("checkoutId").GetString()!));
            token = page.GetProperty("nextPageToken").GetString();
        }
        while (token is not null);
        return ids;
    }
}
