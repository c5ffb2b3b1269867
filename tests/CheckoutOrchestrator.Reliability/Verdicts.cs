using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Reliability;

/// <summary>
/// Each checkout's end, held against what the simulator says really happened: the customer paid
/// (when) or did not. A sign that money moved must end as a success, a recorded late payment or a
/// review; nothing unpaid may end paid.
/// </summary>
public static class Verdicts
{
    public const string Correct = "correct";
    public const string Lost = "LOST: paid at the provider, not recorded";
    public const string FalseSuccess = "FALSE SUCCESS: succeeded but never paid";
    public const string FalseLatePayment = "FALSE LATE PAYMENT: never paid";
    public const string WrongAmount = "WRONG AMOUNT";
    public const string OnReview = "paid, on the review list";
    public const string AwaitingWatch = "paid late, callback lost: the late-payment watch will find it";
    public const string NotOpened = "not opened (create refused)";
    public const string NotFinal = "NOT FINAL";

    public static readonly string[] Failures = [Lost, FalseSuccess, FalseLatePayment, WrongAmount, NotFinal];

    public static string Of(JsonElement? view, JsonElement? session)
    {
        if (view is not { } checkout)
        {
            return NotOpened;
        }

        var status = checkout.GetProperty("status").GetString();
        var paid = session is { } s && s.GetProperty("paidAt").ValueKind == JsonValueKind.String;
        var late = checkout.GetProperty("latePayment").ValueKind == JsonValueKind.Object;
        if (status is not ("succeeded" or "failed" or "expired" or "cancelled"))
        {
            return NotFinal;
        }

        if (status == "succeeded")
        {
            return !paid ? FalseSuccess : SameAmount(checkout, session!.Value) ? Correct : WrongAmount;
        }

        if (!paid)
        {
            return late ? FalseLatePayment : Correct;
        }

        return late ? Correct
            : checkout.GetProperty("needsReview").GetBoolean() ? OnReview
            : checkout.GetProperty("watchingForLatePaymentUntil").ValueKind == JsonValueKind.String && WatchCanLookUp(checkout) ? AwaitingWatch
            : Lost;
    }

    /// <summary>How the checkout learned its end: the source of the timeline's final entry.</summary>
    public static string PathOf(JsonElement view)
    {
        var status = view.GetProperty("status").GetString();
        var final = view.GetProperty("timeline").EnumerateArray().LastOrDefault(t => t.GetProperty("status").GetString() == status);
        return final.ValueKind == JsonValueKind.Object ? final.GetProperty("source").GetString() ?? "unknown" : "unknown";
    }

    private static bool SameAmount(JsonElement checkout, JsonElement session) =>
        decimal.Parse(checkout.GetProperty("amount").GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            == session.GetProperty("amount").GetDecimal();

    /// <summary>A watch finds a payment whose callbacks were lost only by asking the provider; Chpter cannot be asked.</summary>
    private static bool WatchCanLookUp(JsonElement checkout) =>
        PaymentProviderSlugs.TryParse(checkout.GetProperty("provider").GetString(), out var provider)
        && ProviderProfiles.For(provider).Capabilities.StatusLookup;
}
