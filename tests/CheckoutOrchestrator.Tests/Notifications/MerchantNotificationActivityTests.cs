using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Merchants;
using CheckoutOrchestrator.Notifications;
using CheckoutOrchestrator.Simulators.Merchant;
using CheckoutOrchestrator.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Temporalio.Converters;
using Temporalio.Exceptions;
using Temporalio.Testing;
using Xunit;

namespace CheckoutOrchestrator.Tests.Notifications;

/// <summary>One delivery attempt, as Temporal runs it, against the simulators' merchant inbox over real HTTP.</summary>
public sealed class MerchantNotificationActivityTests : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private readonly SimulatorFixture simulator;

    public MerchantNotificationActivityTests(SimulatorFixture simulator)
    {
        this.simulator = simulator;
    }

    public Task InitializeAsync() => simulator.Control.ClearInboxFaultsAsync();

    public Task DisposeAsync() => simulator.Control.ClearInboxFaultsAsync();

    [Fact]
    public async Task An_event_arrives_as_documented_json_with_a_signature_the_merchant_verifies()
    {
        var notification = Notification();

        var attempts = await RunAsync(notification);
        var received = Assert.Single(await simulator.Control.InboxAsync(notification.Checkout.CheckoutId));

        Assert.Equal((1, 200), (Assert.Single(attempts).Attempt, attempts[0].HttpStatus));
        Assert.True(received.SignatureVerified, received.SignatureProblem);
        using var body = JsonDocument.Parse(received.Body);
        Assert.Equal(notification.EventId, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("checkout.succeeded", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("1000.50", body.RootElement.GetProperty("checkout").GetProperty("amount").GetProperty("value").GetString());
        Assert.Equal("succeeded", body.RootElement.GetProperty("checkout").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_needs_review_event_names_its_reason_and_a_final_event_names_none()
    {
        var review = Notification() with { Type = MerchantEventTypes.NeedsReview, Reason = ReviewReason.AmountMismatch };

        await RunAsync(review);
        var received = Assert.Single(await simulator.Control.InboxAsync(review.Checkout.CheckoutId));

        using var body = JsonDocument.Parse(received.Body);
        Assert.Equal("amount_mismatch", body.RootElement.GetProperty("reason").GetString());
        Assert.False(JsonDocument.Parse(JsonSerializer.Serialize(new MerchantEvent("evt", MerchantEventTypes.Succeeded, review.CreatedAt, review.Checkout), CheckoutJson.Options)).RootElement.TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task While_a_secret_is_rotated_both_sign_so_a_merchant_holding_either_verifies()
    {
        var notification = Notification();

        await RunAsync(notification, secrets: [SimulatorFixture.MerchantSecrets[1], SimulatorFixture.MerchantSecrets[0]]);
        var received = Assert.Single(await simulator.Control.InboxAsync(notification.Checkout.CheckoutId));

        Assert.True(received.SignatureVerified, received.SignatureProblem);
    }

    [Fact]
    public async Task An_event_signed_with_a_secret_the_merchant_does_not_hold_fails_the_merchants_check()
    {
        var notification = Notification();

        await RunAsync(notification, secrets: ["whsec_somebody_elses_secret_0000000000000"]);
        var received = Assert.Single(await simulator.Control.InboxAsync(notification.Checkout.CheckoutId));

        Assert.False(received.SignatureVerified);
    }

    [Fact]
    public async Task A_5xx_fails_retryably_and_the_next_attempt_carries_every_earlier_attempts_outcome()
    {
        await simulator.Control.SetInboxFaultsAsync(new InboxFaults { FailNext = 1, FailStatus = 503 });
        var notification = Notification();
        object?[]? heartbeat = null;

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunAsync(notification, onHeartbeat: details => heartbeat = details));
        var second = await RunAsync(notification, attempt: 2, earlier: (List<NotificationAttempt>)heartbeat![0]!);

        Assert.Equal((NotificationErrorTypes.Unavailable, false), (failure.ErrorType, failure.NonRetryable));
        Assert.Equal([(1, 503), (2, 200)], second.Select(a => (a.Attempt, a.HttpStatus ?? 0)));
    }

    [Theory]
    [InlineData(400, NotificationErrorTypes.Unavailable, false)]
    [InlineData(401, NotificationErrorTypes.Unavailable, false)]
    [InlineData(404, NotificationErrorTypes.Unavailable, false)]
    [InlineData(422, NotificationErrorTypes.Unavailable, false)]
    [InlineData(429, NotificationErrorTypes.Unavailable, false)]
    [InlineData(503, NotificationErrorTypes.Unavailable, false)]
    [InlineData(410, NotificationErrorTypes.Gone, true)]
    [InlineData(302, NotificationErrorTypes.Refused, true)]
    [InlineData(307, NotificationErrorTypes.Refused, true)]
    public async Task Every_answer_but_2xx_is_retried_except_410_gone_and_a_redirect(int answer, string errorType, bool stops)
    {
        await simulator.Control.SetInboxFaultsAsync(new InboxFaults { FailNext = 1, FailStatus = answer });

        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunAsync(Notification()));

        Assert.Equal((errorType, stops), (failure.ErrorType, failure.NonRetryable));
        Assert.Equal(answer, Assert.Single(failure.Details.ElementAt<List<NotificationAttempt>>(0)).HttpStatus);
    }

    [Fact]
    public async Task A_merchant_without_any_notification_url_is_told_nothing_and_the_reason_is_recorded()
    {
        var failure = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunAsync(Notification(), configuredUrl: false));

        Assert.Equal((NotificationErrorTypes.NoEndpoint, true), (failure.ErrorType, failure.NonRetryable));
    }

    [Fact]
    public async Task An_event_for_an_address_inside_the_network_is_refused_when_connecting_unless_the_operator_allows_it()
    {
        var notification = Notification();
        var before = (await simulator.Control.InboxAsync(notification.Checkout.CheckoutId)).Count;

        var refused = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunAsync(notification, inboxAllowed: false));

        var attempt = Assert.Single(refused.Details.ElementAt<List<NotificationAttempt>>(0));
        Assert.Null(attempt.HttpStatus);
        Assert.Equal((NotificationErrorTypes.NotReached, true), (refused.ErrorType, refused.NonRetryable));
        Assert.Contains("never reached the merchant's endpoint", refused.Message, StringComparison.Ordinal);
        Assert.Contains("is not an address events may be sent to", attempt.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await simulator.Control.InboxAsync(notification.Checkout.CheckoutId)).Count);
    }

    [Fact]
    public async Task An_http_notification_url_is_refused_where_only_https_is_allowed()
    {
        // A merchant configured with one would not start; a checkout's own http URL from before the rule is refused at delivery.
        var notification = Notification() with { Url = simulator.ProviderUrl($"merchant/inbox/{SimulatorFixture.MerchantId}") };

        var refused = await Assert.ThrowsAsync<ApplicationFailureException>(() => RunAsync(notification, configuredUrl: false, allowPlainHttp: false));

        Assert.Equal((NotificationErrorTypes.NoEndpoint, true), (refused.ErrorType, refused.NonRetryable));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.9", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00:ec2::254", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("64:ff9b::7f00:1", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("64:ff9b:1::a00:1", false)]
    [InlineData("2002:7f00:1::1", false)]
    [InlineData("2002:a00:1::", false)]
    [InlineData("::127.0.0.1", false)]
    [InlineData("::ffff:0:7f00:1", false)]
    [InlineData("fec0::1", false)]
    [InlineData("2001:0:7f00:1::1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("41.90.64.1", true)]
    [InlineData("2001:4860:4860::8888", true)]
    public void Only_public_addresses_are_reachable_without_the_operators_leave(string address, bool reachable) =>
        Assert.Equal(reachable, PublicAddresses.IsPublic(System.Net.IPAddress.Parse(address)));

    private static MerchantNotification Notification()
    {
        var checkoutId = SampleCheckouts.NewCheckoutId();
        var view = new CheckoutView(
            CheckoutId: checkoutId,
            MerchantId: SimulatorFixture.MerchantId,
            MerchantReference: "ORDER-1",
            Provider: "lakipay",
            Status: PaymentStatus.Succeeded,
            Amount: new AmountView("1000.50", "ETB"),
            CheckoutUrl: null,
            Action: null,
            ProviderSessionId: "TXN-1",
            ProviderReference: checkoutId,
            ProviderPaymentId: null,
            ProviderStatus: "SUCCESS",
            CreatedAt: DateTimeOffset.UtcNow,
            ExpiresAt: null,
            CompletedAt: DateTimeOffset.UtcNow,
            FailureReason: null,
            NeedsReview: false,
            ReviewNotes: [],
            LatePayment: null,
            WatchingForLatePaymentUntil: null,
            Notifications: [],
            Timeline: []);
        return new(MerchantEventIds.For(checkoutId, MerchantEventTypes.Succeeded, null), MerchantEventTypes.Succeeded, DateTimeOffset.UtcNow, SimulatorFixture.MerchantId, null, view);
    }

    private async Task<IReadOnlyList<NotificationAttempt>> RunAsync(
        MerchantNotification notification,
        int attempt = 1,
        List<NotificationAttempt>? earlier = null,
        Action<object?[]>? onHeartbeat = null,
        IReadOnlyList<string>? secrets = null,
        bool configuredUrl = true,
        bool inboxAllowed = true,
        bool allowPlainHttp = true)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Merchants:{SimulatorFixture.MerchantId}:ApiKeySha256:0"] = ApiKeys.Hash("cok_unused"),
            [$"Merchants:{SimulatorFixture.MerchantId}:NotificationUrl"] = configuredUrl ? simulator.ProviderUrl($"merchant/inbox/{SimulatorFixture.MerchantId}").AbsoluteUri : null,
            ["Notifications:AllowPlainHttp"] = allowPlainHttp ? "true" : "false",
            ["Notifications:AllowedPrivateUrls:0"] = inboxAllowed ? simulator.ProviderUrl("merchant/inbox/").AbsoluteUri : null,
        };
        foreach (var (secret, index) in (secrets ?? [SimulatorFixture.MerchantSecrets[0]]).Select((s, i) => (s, i)))
        {
            settings[$"Merchants:{SimulatorFixture.MerchantId}:NotificationSecrets:{index}"] = secret;
        }

        await using var services = new ServiceCollection().AddLogging()
            .AddMerchantNotifications(new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null)).Build())
            .AddTransient<MerchantNotificationActivities>()
            .BuildServiceProvider();
        var details = earlier is null ? [] : new[] { DataConverter.Default.PayloadConverter.ToPayload(earlier) };
        var environment = new ActivityEnvironment
        {
            Info = ActivityEnvironment.DefaultInfo with { Attempt = attempt, HeartbeatDetails = details },
            Heartbeater = onHeartbeat ?? (_ => { }),
        };

        return await environment.RunAsync(() => services.GetRequiredService<MerchantNotificationActivities>().NotifyMerchantAsync(notification));
    }
}
