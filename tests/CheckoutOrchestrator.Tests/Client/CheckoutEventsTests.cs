using System.Net;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Client.Events;
using CheckoutOrchestrator.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CheckoutOrchestrator.Tests.Client;

/// <summary>Events signed by the orchestrator's own signer, received with the client library as a merchant would.</summary>
public sealed class CheckoutEventsTests
{
    private const string Secret = "whsec_current_secret_for_tests_0001";
    private const string OldSecret = "whsec_previous_secret_for_tests_0002";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_event_signed_by_the_orchestrator_verifies_and_reads_as_a_typed_event()
    {
        var body = EventBody("evt_1");

        var verified = CheckoutEvents.Verify(NotificationSignature.Create(Now, body, [Secret]), body, [Secret], Now.AddSeconds(3));

        Assert.Equal(("evt_1", CheckoutEventTypes.Succeeded, "succeeded", "1500.00"), (verified.Id, verified.Type, verified.Checkout.Status, verified.Checkout.Amount.Value));
    }

    [Fact]
    public void While_a_secret_rotates_either_held_secret_verifies_a_header_with_both_signatures()
    {
        var body = EventBody("evt_2");
        var header = NotificationSignature.Create(Now, body, [OldSecret, Secret]);

        Assert.Equal("evt_2", CheckoutEvents.Verify(header, body, [Secret], Now).Id);
        Assert.Equal("evt_2", CheckoutEvents.Verify(header, body, [OldSecret], Now).Id);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("old")]
    [InlineData("other secret")]
    [InlineData("no header")]
    [InlineData("no v1")]
    public void A_signature_that_does_not_hold_is_a_typed_error(string what)
    {
        var body = EventBody("evt_3");
        var header = NotificationSignature.Create(Now, body, [Secret]);
        var (sentHeader, sentBody, secrets, at) = what switch
        {
            "tampered" => (header, body.Replace("1500.00", "15.00", StringComparison.Ordinal), new[] { Secret }, Now),
            "old" => (header, body, [Secret], Now.AddMinutes(6)),
            "other secret" => (header, body, [OldSecret], Now),
            "no header" => (null, body, [Secret], Now),
            _ => ($"t={Now.ToUnixTimeSeconds()}", body, [Secret], Now),
        };

        Assert.Throws<CheckoutSignatureException>(() => CheckoutEvents.Verify(sentHeader, sentBody, secrets, at));
    }

    [Fact]
    public async Task The_mapped_endpoint_verifies_calls_the_handler_once_per_event_and_lets_a_failed_one_come_again()
    {
        var handled = new List<string>();
        var failNext = true;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddCheckoutEvents(o => o.SigningSecrets.Add(Secret));
        await using var app = builder.Build();
        app.MapCheckoutEvents("/events", (e, _) =>
        {
            if (e.Id == "evt_flaky" && failNext)
            {
                failNext = false;
                throw new InvalidOperationException("the merchant's database is down");
            }

            handled.Add(e.Id);
            return Task.CompletedTask;
        });
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        var first = await SendAsync(http, "evt_a", Secret);
        var duplicate = await SendAsync(http, "evt_a", Secret);
        var forged = await SendAsync(http, "evt_b", OldSecret);
        var failed = await SendAsync(http, "evt_flaky", Secret);
        var retried = await SendAsync(http, "evt_flaky", Secret);

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.InternalServerError, HttpStatusCode.OK],
            [first, duplicate, forged, failed, retried]);
        Assert.Equal(["evt_a", "evt_flaky"], handled);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient http, string eventId, string secret)
    {
        var body = EventBody(eventId);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.Add(CheckoutEvents.SignatureHeader, NotificationSignature.Create(DateTimeOffset.UtcNow, body, [secret]));
        using var response = await http.PostAsync(new Uri("/events", UriKind.Relative), content);
        return response.StatusCode;
    }

    private static string EventBody(string eventId)
    {
        var view = new CheckoutView(
            CheckoutId: "co_0123456789abcdef0123456789abcdef",
            MerchantId: "shop",
            MerchantReference: "order-1",
            Provider: "chpter",
            Status: PaymentStatus.Succeeded,
            Amount: new AmountView("1500.00", "KES"),
            CheckoutUrl: new Uri("https://pay.example.com/s"),
            Action: null,
            ProviderSessionId: "s",
            ProviderReference: "r",
            ProviderPaymentId: "p",
            ProviderStatus: "SUCCESS",
            CreatedAt: Now,
            ExpiresAt: Now.AddMinutes(30),
            CompletedAt: Now.AddMinutes(1),
            FailureReason: null,
            NeedsReview: false,
            ReviewNotes: [],
            LatePayment: null,
            WatchingForLatePaymentUntil: null,
            Notifications: [],
            Timeline: []);
        return JsonSerializer.Serialize(new MerchantEvent(eventId, MerchantEventTypes.Succeeded, Now, view), CheckoutJson.Options);
    }
}
