using System.Net.Http.Json;
using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Tests.Infrastructure;
using Temporalio.Exceptions;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers;

public sealed class WaftpayTests : ProviderTestBase
{
    public WaftpayTests(SimulatorFixture simulator)
        : base(simulator)
    {
    }

    [Fact]
    public async Task Create_returns_only_a_url_and_expiry_and_our_reference_is_the_handle()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var request = SampleCheckouts.For(PaymentProvider.Waftpay);

        var session = await Host.CreateAsync(checkoutId, request);

        Assert.Null(session.SessionId);
        Assert.Equal(checkoutId, session.Reference);
        Assert.StartsWith(Simulator.ProviderUrl("waftpay/checkout/").AbsoluteUri, session.CheckoutUrl!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.Pending, session.Status.Status);
    }

    [Fact]
    public async Task The_zone_less_expiry_written_in_Nairobi_time_comes_back_as_the_intended_utc_instant()
    {
        var before = DateTimeOffset.UtcNow;
        var session = await Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Waftpay) with { ExpiresInSeconds = 3600 });

        var intended = before.AddSeconds(3600);
        Assert.InRange(session.ExpiresAt!.Value, intended.AddSeconds(-5), intended.AddSeconds(5));
    }

    [Fact]
    public async Task The_two_hour_millisecond_token_serves_many_requests()
    {
        await using var host = ProviderTestHost.Create(Simulator, Sink.BaseUrl);
        var before = await Simulator.Control.CountsAsync("waftpay");

        await host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Waftpay));
        await host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Waftpay));

        Assert.Equal(1, (await Simulator.Control.CountsAsync("waftpay")).TokenRequests - before.TokenRequests);
    }

    [Fact]
    public async Task Before_anyone_pays_the_status_query_knows_no_transaction_and_says_so()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Waftpay));

        var status = await Host.StatusAsync(checkoutId, PaymentProvider.Waftpay, session);

        Assert.Equal(("NOT_FOUND", true, null), (status.Raw, status.SessionMissing, status.Status));
    }

    [Fact]
    public async Task A_query_that_knows_only_waftpays_own_ids_finds_the_payment_by_the_uuid_its_callback_named()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Waftpay));
        await Simulator.Control.ChooseAsync(session.CheckoutUrl!, "pay", "MPESA");
        var callback = (await Sink.WaitForAsync(c => c.CheckoutId == checkoutId && c.RawBody.Contains("\"SUCCESS\"", StringComparison.Ordinal)))[0];
        var paymentUuid = Host.Read(callback, PaymentProvider.Waftpay).Event!.ProviderPaymentId;

        (await Simulator.Http.PutAsync(new Uri("/simulator/waftpay/query?knows=provider-ids", UriKind.Relative), null)).EnsureSuccessStatusCode();
        try
        {
            var byReference = await Host.StatusAsync(checkoutId, PaymentProvider.Waftpay, session);
            var byUuid = await Host.StatusAsync(checkoutId, PaymentProvider.Waftpay, session with { PaymentId = paymentUuid });

            Assert.NotNull(paymentUuid);
            Assert.True(byReference.SessionMissing);
            Assert.Equal((PaymentStatus.Succeeded, 1750m), (byUuid.Status, byUuid.PaidAmount));
        }
        finally
        {
            (await Simulator.Http.PutAsync(new Uri("/simulator/waftpay/query?knows=all", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }
    }

    [Theory]
    [InlineData("pay", PaymentStatus.Succeeded, "succeeded")]
    [InlineData("fail", PaymentStatus.Failed, "failed")]
    [InlineData("cancel", PaymentStatus.Cancelled, "canceled")]
    public async Task The_status_query_by_checkout_reference_tracks_the_customers_choice(string? choice, PaymentStatus expected, string raw)
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Waftpay));
        if (choice is not null)
        {
            await Simulator.Control.ChooseAsync(session.CheckoutUrl!, choice, "MPESA");
        }

        var status = await Host.StatusAsync(checkoutId, PaymentProvider.Waftpay, session);

        Assert.Equal((expected, raw), (status.Status!.Value, status.Raw));
    }

    [Fact]
    public async Task A_callback_with_its_unkeyed_hash_only_triggers_a_status_query()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Waftpay));
        await Simulator.Control.ChooseAsync(session.CheckoutUrl!, "pay", "MPESA");

        var callbacks = await Sink.WaitForAsync(c => c.CheckoutId == checkoutId, count: 2);

        var verdicts = callbacks.Select(c => Host.Read(c, PaymentProvider.Waftpay)).ToList();
        Assert.All(verdicts, v => Assert.Equal(CallbackEvidence.Token, v.Event!.Evidence));
        Assert.All(verdicts, v => Assert.NotNull(v.Event!.ProviderPaymentId));
        Assert.Equal([PaymentStatus.Processing, PaymentStatus.Succeeded], verdicts.Select(v => v.Event!.Status!.Status));
        using var body = JsonDocument.Parse(callbacks[1].RawBody);
        Assert.Equal(checkoutId, body.RootElement.GetProperty("results").GetProperty("transaction_reference").GetString());

        // On its tokened URL, a callback without "results" still asks for a status query; without the token it cannot even be found.
        var bare = Host.Read(callbacks[1] with { RawBody = """{"status":"SUCCESS"}""" }, PaymentProvider.Waftpay);
        Assert.Equal((CallbackVerdictKind.Accepted, checkoutId, PaymentStatus.Succeeded), (bare.Kind, bare.CheckoutId, bare.Event!.Status!.Status));
        Assert.Equal(CallbackVerdictKind.Malformed, Host.Read(callbacks[1] with { RawBody = """{"status":"SUCCESS"}""", Token = null }, PaymentProvider.Waftpay).Kind);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_retried_under_a_reference_of_its_own_and_opens_the_checkout()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        await Simulator.Control.SetFaultsAsync("waftpay", new FaultSettings { FailNext = 1, FailStatus = 504, AfterProcessing = true, PathContains = "checkout-backend" });

        var first = await Assert.ThrowsAsync<ApplicationFailureException>(() => Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Waftpay)));
        var retried = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Waftpay), attempt: 2);

        // The first session's URL was lost with its answer: nobody can pay it. The retry's is the checkout's.
        Assert.False(first.NonRetryable);
        Assert.Equal($"{checkoutId}-2", retried.Reference);
        Assert.NotNull(retried.CheckoutUrl);
        var references = (await Simulator.Http.GetFromJsonAsync<JsonElement>("/simulator/waftpay/sessions")).EnumerateArray().Select(s => s.GetProperty("reference").GetString()).ToList();
        Assert.Equal(1, references.Count(r => r == checkoutId));
        Assert.Equal(1, references.Count(r => r == retried.Reference));
    }

    [Theory]
    [InlineData("pay", PaymentStatus.Succeeded, "SUCCESS")]
    [InlineData("fail", PaymentStatus.Failed, "FAILED")]
    public async Task The_status_querys_second_documented_answer_shape_is_read_as_well_as_the_first(string choice, PaymentStatus expected, string raw)
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Waftpay));
        await Simulator.Control.ChooseAsync(session.CheckoutUrl!, choice, "MPESA");
        (await Simulator.Http.PutAsync(new Uri("/simulator/waftpay/query?shape=results", UriKind.Relative), null)).EnsureSuccessStatusCode();
        try
        {
            var status = await Host.StatusAsync(checkoutId, PaymentProvider.Waftpay, session);

            Assert.Equal((expected, raw, session.Reference), (status.Status!.Value, status.Raw, status.Reference));
            Assert.Contains("amount 1750", status.AmountDetail, StringComparison.Ordinal);
        }
        finally
        {
            (await Simulator.Http.PutAsync(new Uri("/simulator/waftpay/query?shape=data", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_paid_retry_after_a_failed_attempt_is_a_success_even_asked_with_the_failed_attempts_uuid()
    {
        var (session, first, second) = await FailThenPayAsync();

        Assert.NotEqual(first, second);
        Assert.Equal(PaymentStatus.Succeeded, (await Host.StatusAsync(session.Reference, PaymentProvider.Waftpay, session with { PaymentId = first })).Status);
        Assert.Equal(PaymentStatus.Succeeded, (await Host.StatusAsync(session.Reference, PaymentProvider.Waftpay, session with { PaymentId = second })).Status);
        Assert.Equal(PaymentStatus.Succeeded, (await Host.StatusAsync(session.Reference, PaymentProvider.Waftpay, session)).Status);
    }

    [Fact]
    public async Task A_failed_attempt_is_a_reason_for_review_where_the_query_does_not_know_the_checkout_and_a_later_attempt_could_hide()
    {
        var (session, first, _) = await FailThenPayAsync();
        (await Simulator.Http.PutAsync(new Uri("/simulator/waftpay/query?knows=provider-ids", UriKind.Relative), null)).EnsureSuccessStatusCode();
        try
        {
            var answer = await Host.StatusAsync(session.Reference, PaymentProvider.Waftpay, session with { PaymentId = first });

            Assert.Equal(PaymentStatus.Failed, answer.Status);
            Assert.Contains("may have paid in a later attempt", answer.ReviewNote, StringComparison.Ordinal);
        }
        finally
        {
            (await Simulator.Http.PutAsync(new Uri("/simulator/waftpay/query?knows=all", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }
    }

    /// <summary>The customer fails once on the page, then pays on it: two attempts, each with its own payment_uuid.</summary>
    private async Task<(ProviderSession Session, string FailedUuid, string PaidUuid)> FailThenPayAsync()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Waftpay));
        await Simulator.Control.SetFaultsAsync("waftpay", new FaultSettings());
        (await Simulator.Http.PutAsync(new Uri("/simulator/waftpay/page?retryAfterFailure=true", UriKind.Relative), null)).EnsureSuccessStatusCode();
        try
        {
            await Simulator.Control.ChooseAsync(session.CheckoutUrl!, "fail", "MPESA");
            var failed = (await Sink.WaitForAsync(c => c.CheckoutId == checkoutId))[0];
            await Simulator.Control.ChooseAsync(session.CheckoutUrl!, "pay", "MPESA");
            var paid = (await Sink.WaitForAsync(c => c.CheckoutId == checkoutId, count: 3))[^1];
            return (session, Host.Read(failed, PaymentProvider.Waftpay).Event!.ProviderPaymentId!, Host.Read(paid, PaymentProvider.Waftpay).Event!.ProviderPaymentId!);
        }
        finally
        {
            (await Simulator.Http.PutAsync(new Uri("/simulator/waftpay/page?retryAfterFailure=false", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }
    }
}
