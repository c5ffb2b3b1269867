using CheckoutOrchestrator.Callbacks;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Providers.Chpter;
using CheckoutOrchestrator.Tests.Infrastructure;
using Temporalio.Exceptions;
using Xunit;

namespace CheckoutOrchestrator.Tests.Providers;

public sealed class ChpterTests : ProviderTestBase
{
    public ChpterTests(SimulatorFixture simulator)
        : base(simulator)
    {
    }

    /// <summary>The four callback payloads of Chpter's documentation, and what each must mean.</summary>
    public static TheoryData<string, PaymentStatus, bool> DocumentedCallbacks => new()
    {
        { """{"payment_method":"MPESA","paid":"True","response_status":200,"order_id":"945","message":"M-PESA Payment Successful","amount":"100","payment_status":"Payment complete."}""", PaymentStatus.Succeeded, false },
        { """{"payment_method":"CARD","paid":"False","response_status":200,"order_id":"945","message":"Card Payment Successful","amount":"100","payment_status":"Payment complete."}""", PaymentStatus.Succeeded, false },
        // Combinations the documents never show: M-Pesa complete but not paid, a card success without response_status 200.
        { """{"payment_method":"MPESA","paid":"False","response_status":200,"order_id":"945","message":"M-PESA Payment Successful","amount":"100","payment_status":"Payment complete."}""", PaymentStatus.Succeeded, true },
        { """{"payment_method":"CARD","paid":"False","response_status":500,"order_id":"945","message":"Card Payment Successful","amount":"100","payment_status":"Payment complete."}""", PaymentStatus.Succeeded, true },
        { """{"payment_method":"MPESA","paid":"False","response_status":200,"order_id":"945","message":"Insufficient funds","amount":"100","payment_status":"Payment Incomplete."}""", PaymentStatus.Failed, false },
        { """{"payment_method":"CARD","paid":"False","response_status":200,"order_id":"945","message":"Insufficient funds","amount":"100","payment_status":"Payment Incomplete."}""", PaymentStatus.Failed, false },
    };

    [Fact]
    public async Task Create_sends_string_amounts_and_a_numeric_order_id_and_keeps_the_link()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Chpter));

        Assert.Equal(SampleCheckouts.ReferenceFor(PaymentProvider.Chpter, checkoutId), session.Reference);
        Assert.True(long.TryParse(session.Reference, out _));
        Assert.Equal(session.CheckoutUrl!.Segments[^1], session.SessionId);
        var stored = await SimulatedSessionAsync("chpter", s => s.GetProperty("reference").GetString() == session.Reference);
        Assert.Equal(("kes", 100m), (stored.GetProperty("currency").GetString(), stored.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task Chpter_has_no_status_lookup()
    {
        var session = await Host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Chpter));

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => Host.StatusAsync("x", PaymentProvider.Chpter, session));

        Assert.Equal((ProviderErrorTypes.NotSupported, true), (failure.ErrorType, failure.NonRetryable));
        Assert.False(ProviderProfiles.For(PaymentProvider.Chpter).Capabilities.StatusLookup);
    }

    [Theory]
    [MemberData(nameof(DocumentedCallbacks))]
    public void Each_documented_callback_decides_the_outcome_and_a_contradiction_asks_for_review(string payload, PaymentStatus expected, bool needsReview)
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var url = Host.CallbackUrls.ForCheckout(PaymentProvider.Chpter, checkoutId);
        var callback = new ReceivedCallback("chpter", payload, checkoutId, url.Query.Split("token=")[1], new Dictionary<string, string>());

        var verdict = Host.Read(callback, PaymentProvider.Chpter);

        Assert.Equal(expected, verdict.Event!.Status!.Status);
        Assert.Equal(CallbackEvidence.Token, verdict.Event.Evidence);
        Assert.Equal(("945", 100m), (verdict.Event.ProviderReference, verdict.Event.Status.PaidAmount));
        Assert.Equal(needsReview, verdict.Event.ReviewNote is not null);
    }

    [Theory]
    [InlineData(null, "True", "true", PaymentStatus.Succeeded)]
    [InlineData(null, null, "false", PaymentStatus.Failed)]
    [InlineData("payment complete", "False", null, PaymentStatus.Succeeded)]
    [InlineData("  PAYMENT INCOMPLETE. ", "True", null, PaymentStatus.Failed)]
    public void The_outcome_rule_reads_payment_status_first_then_the_3_0_success_flag(string? paymentStatus, string? paid, string? success, PaymentStatus expected) =>
        Assert.Equal(expected, ChpterOutcomeRule.Decide(paymentStatus, paid, success, null).Status.Status);

    [Fact]
    public void Paid_alone_decides_nothing()
    {
        var (status, _) = ChpterOutcomeRule.Decide(null, "True", null, null);

        Assert.Null(status.Status);
        Assert.Equal("paid=True", status.Raw);
    }

    [Fact]
    public async Task Real_callbacks_arrive_on_the_tokened_url_and_a_documented_card_success_needs_no_review()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var session = await Host.CreateAsync(checkoutId, SampleCheckouts.For(PaymentProvider.Chpter));
        await Simulator.Control.ChooseAsync(session.CheckoutUrl!, "pay", "CARD");

        var callback = (await Sink.WaitForAsync(c => c.CheckoutId == checkoutId))[0];
        var verdict = Host.Read(callback, PaymentProvider.Chpter);

        Assert.Equal((PaymentStatus.Succeeded, session.Reference), (verdict.Event!.Status!.Status!.Value, verdict.Event.ProviderReference));
        Assert.Null(verdict.Event.ReviewNote);

        // Without its valid token, the same body proves nothing: a hint found by its order id.
        var forged = new[] { callback with { Token = null }, callback with { Token = callback.Token![..^2] + "xx" }, callback with { CheckoutId = SampleCheckouts.NewCheckoutId() } };
        Assert.All(forged.Select(c => Host.Read(c, PaymentProvider.Chpter)), v => Assert.Equal((null, CallbackEvidence.Hint), (v.CheckoutId, v.Event!.Evidence)));
    }

    [Fact]
    public async Task A_domain_other_than_the_registered_one_is_an_authentication_failure()
    {
        await using var host = ProviderTestHost.Create(Simulator, Sink.BaseUrl, s => s["Providers:Chpter:Domain"] = "elsewhere.example");

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() =>
            host.CreateAsync(SampleCheckouts.NewCheckoutId(), SampleCheckouts.For(PaymentProvider.Chpter)));

        Assert.Equal(ProviderErrorTypes.AuthenticationFailed, failure.ErrorType);
        Assert.Contains("Invalid authentication credentials", failure.Message, StringComparison.Ordinal);
    }
}
