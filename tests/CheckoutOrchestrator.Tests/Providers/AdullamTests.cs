using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.DevHost;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Providers.Adullam;
using CheckoutOrchestrator.Simulators;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Tests.Infrastructure;
using Temporalio.Exceptions;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers;

public sealed class AdullamTests : ProviderTestBase
{
    public AdullamTests(SimulatorFixture simulator)
        : base(simulator)
    {
    }

    [Fact]
    public async Task A_session_has_no_url_and_asks_the_customer_to_approve_on_the_phone()
    {
        var request = SampleCheckouts.For(PaymentProvider.Adullam);

        var session = await Host.CreateAsync(SampleCheckouts.NewCheckoutId(), request);

        Assert.Null(session.CheckoutUrl);
        Assert.Equal(CustomerAction.ApproveOnPhone, session.Action!.Kind);
        Assert.Equal(request.Customer.Phone, session.Action.Phone);
        Assert.StartsWith("cs_ci_", session.SessionId, StringComparison.Ordinal);
        Assert.StartsWith("pay_", session.PaymentId, StringComparison.Ordinal);
        Assert.Equal(new ProviderStatus("created", PaymentStatus.Pending), session.Status);
    }

    [Fact]
    public async Task The_requested_expiry_is_sent_as_expires_in()
    {
        var before = DateTimeOffset.UtcNow;

        var session = await Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Adullam) with { ExpiresInSeconds = 600 });

        Assert.InRange(session.ExpiresAt!.Value, before.AddSeconds(595), before.AddSeconds(605));
    }

    [Fact]
    public async Task A_retry_of_one_checkout_reuses_its_idempotency_key_and_gets_the_same_session()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var request = SampleCheckouts.For(PaymentProvider.Adullam);
        await Simulator.Control.SetFaultsAsync("adullam", new FaultSettings { FailNext = 1, FailStatus = 500, AfterProcessing = true, PathContains = "checkouts" });
        var before = await Simulator.Control.CountsAsync("adullam");

        var lost = await Assert.ThrowsAsync<ApplicationFailureException>(() => Host.CreateAsync(checkoutId, request));
        var retried = await Host.CreateAsync(checkoutId, request, attempt: 2);
        var again = await Host.CreateAsync(checkoutId, request, attempt: 3);

        Assert.Equal((ProviderErrorTypes.Unavailable, false), (lost.ErrorType, lost.NonRetryable));
        Assert.Equal(retried.SessionId, again.SessionId);
        Assert.Equal(1, (await Simulator.Control.CountsAsync("adullam")).Creates - before.Creates);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_refused()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var request = SampleCheckouts.For(PaymentProvider.Adullam);
        await Host.CreateAsync(checkoutId, request);

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() =>
            Host.CreateAsync(checkoutId, request with { Amount = new Money(6000m, "XOF") }, attempt: 2));

        Assert.Equal((ProviderErrorTypes.Rejected, true), (failure.ErrorType, failure.NonRetryable));
    }

    [Fact]
    public async Task Status_is_found_in_the_documented_list_as_the_customer_approves()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Adullam));
        Assert.Equal(PaymentStatus.RequiresAction, (await Host.StatusAsync(checkoutId, PaymentProvider.Adullam, session)).Status);

        await Simulator.Control.ChooseAsync(PhonePage(session), "pay", "orangeCI");

        var paid = await Host.StatusAsync(checkoutId, PaymentProvider.Adullam, session);
        Assert.Equal(("completed", PaymentStatus.Succeeded, 5000m), (paid.Raw, paid.Status, paid.PaidAmount));
        Assert.Equal("amount 5000, transaction_fee 25 (charged to the merchant)", paid.AmountDetail);
    }

    [Fact]
    public async Task A_single_session_get_is_used_where_it_answers_and_its_absence_falls_back_to_the_list()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Adullam));
        await Simulator.Control.ChooseAsync(PhonePage(session), "fail");

        var throughList = await Host.StatusAsync(checkoutId, PaymentProvider.Adullam, session);
        (await Simulator.Http.PutAsync(new Uri("/simulator/adullam/single-session-get?enabled=true", UriKind.Relative), null)).EnsureSuccessStatusCode();
        try
        {
            await using var host = ProviderTestHost.Create(Simulator, Sink.BaseUrl);
            var before = (await Simulator.Control.CountsAsync("adullam")).StatusLookups;
            var throughGet = await host.StatusAsync(checkoutId, PaymentProvider.Adullam, session);
            var missing = await host.StatusAsync(checkoutId, PaymentProvider.Adullam, session with { SessionId = "cs_ci_nobody" });

            Assert.Equal((PaymentStatus.Failed, "Declined by customer"), (throughGet.Status!.Value, throughGet.FailureReason));
            Assert.True(missing.SessionMissing);
            Assert.Equal(2, (await Simulator.Control.CountsAsync("adullam")).StatusLookups - before);
        }
        finally
        {
            await Simulator.Http.PutAsync(new Uri("/simulator/adullam/single-session-get?enabled=false", UriKind.Relative), null);
        }

        Assert.Equal((PaymentStatus.Failed, "Declined by customer"), (throughList.Status!.Value, throughList.FailureReason));
    }

    [Fact]
    public async Task An_account_webhook_names_the_session_and_payment_and_only_triggers_a_lookup()
    {
        await AdullamWebhookSetup.RegisterAsync(Simulator.BaseUrl, new Uri(Sink.BaseUrl, "webhooks/adullam"));
        var session = await Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Adullam));

        await Simulator.Control.ChooseAsync(PhonePage(session), "pay", "mtnCI");
        var callbacks = await Sink.WaitForAsync(c => c.Provider == "adullam" && c.RawBody.Contains(session.SessionId!, StringComparison.Ordinal), count: 2);

        var verdicts = callbacks.Select(c => Host.Read(c, PaymentProvider.Adullam)).ToList();
        Assert.All(verdicts, v => Assert.Contains(session.SessionId!, v.SessionKeys));
        Assert.All(verdicts, v => Assert.Contains(session.PaymentId!, v.SessionKeys));
        Assert.All(verdicts, v => Assert.Equal(CallbackEvidence.Hint, v.Event!.Evidence));
        Assert.Equal([PaymentStatus.Processing, PaymentStatus.Succeeded], verdicts.Select(v => v.Event!.Status!.Status));
        Assert.NotEqual(verdicts[0].Event!.EventId, verdicts[1].Event!.EventId);
    }

    [Fact]
    public async Task A_single_session_get_that_answers_with_another_sessions_body_is_not_taken_and_the_list_says_where_ours_stands()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Adullam));
        await Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Adullam));
        await Simulator.Control.ChooseAsync(PhonePage(session), "fail");
        (await Simulator.Http.PutAsync(new Uri("/simulator/adullam/single-session-get?enabled=true&foreign=true", UriKind.Relative), null)).EnsureSuccessStatusCode();
        try
        {
            await using var host = ProviderTestHost.Create(Simulator, Sink.BaseUrl);

            var status = await host.StatusAsync(checkoutId, PaymentProvider.Adullam, session);

            Assert.Equal((PaymentStatus.Failed, "Declined by customer"), (status.Status!.Value, status.FailureReason));
        }
        finally
        {
            await Simulator.Http.PutAsync(new Uri("/simulator/adullam/single-session-get?enabled=false", UriKind.Relative), null);
        }
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(422)]
    public async Task A_single_session_get_that_refuses_is_no_answer_and_the_list_says_where_the_session_stands(int refusal)
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Adullam));
        await Simulator.Control.ChooseAsync(PhonePage(session), "pay", "mtnCI");
        (await Simulator.Http.PutAsync(new Uri($"/simulator/adullam/single-session-get?enabled=true&refuses={refusal}", UriKind.Relative), null)).EnsureSuccessStatusCode();
        try
        {
            await using var host = ProviderTestHost.Create(Simulator, Sink.BaseUrl);

            var status = await host.StatusAsync(checkoutId, PaymentProvider.Adullam, session);

            Assert.Equal(PaymentStatus.Succeeded, status.Status);
        }
        finally
        {
            await Simulator.Http.PutAsync(new Uri("/simulator/adullam/single-session-get?enabled=false", UriKind.Relative), null);
        }
    }

    private Uri PhonePage(ProviderSession session) => Simulator.ProviderUrl($"adullam/phone/{session.SessionId}");
}
