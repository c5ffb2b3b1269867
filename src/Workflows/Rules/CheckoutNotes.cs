using System.Globalization;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>What a person reading a checkout's review list is told, and what to check.</summary>
public static class CheckoutNotes
{
    public static string AnswerForAnotherReference(PaymentProvider provider, string reported, string reference) =>
        $"{provider}'s status lookup answered for reference {reported}, not this checkout's {reference}; the answer was not taken.";

    public static string CallbackForAnotherReference(PaymentProvider provider, ProviderEvent callback, string reference) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"A {provider} callback on this checkout's own URL at {callback.ReceivedAt:u} named reference {callback.ProviderReference}, not this checkout's {reference}, and said {callback.Status?.Raw ?? "nothing readable"}. It was not taken as evidence; the provider was asked instead. If {provider} echoes something else there, this checkout may have been paid: check its dashboard.");

    public static string OtherAmount(PaymentProvider provider, decimal paid, Money expected, string? detail) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{provider} reported success for {paid} {expected.Currency}{(detail is null ? string.Empty : $" ({detail})")}, not the {expected.Value} asked for; not taken as success. Check what the customer paid, then refund or fulfil.");

    public static string Unconfirmed(ProviderEvent claim, PaymentProvider provider) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"A callback at {claim.ReceivedAt:u} said the payment succeeded ({claim.Status!.Raw}), but no status lookup confirmed it: check with {provider} whether money moved.");

    public static string Contradicted(ProviderEvent claim, PaymentProvider provider, ProviderStatus? lookup) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"A callback at {claim.ReceivedAt:u}, after the checkout ended, said the payment succeeded ({claim.Status!.Raw}), but {provider}'s status lookup says {lookup?.Raw ?? "nothing (it could not be asked)"}: check with {provider} whether money moved.");

    public static string SessionMissing(PaymentProvider provider, ProviderSession? session) =>
        $"{provider}'s status lookup could not find session {session?.SessionId ?? session?.Reference}: check in its dashboard whether it was paid.";

    public static string NoLookup(string endedAs, CheckoutHints hints) =>
        $"{endedAs} without a success from the provider, which has no status lookup: confirm in its dashboard that nothing was paid.{HintsReceived(hints)}";

    public static string Unreachable(string endedAs, PaymentProvider provider) =>
        $"{endedAs} while {provider} could not be asked (its status lookup failed): confirm in its dashboard that nothing was paid.";

    public static string WatchUnanswered(PaymentProvider provider, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"The late-payment watch could not ask {provider} before it ended ({at:u}): confirm in its dashboard that nothing was paid.");

    public static string UnverifiedLateClaim(PaymentProvider provider, ProviderEvent hint) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"After the checkout ended, a callback without this checkout's token said the payment succeeded ({hint.Status?.Raw}, at {hint.ReceivedAt:u}). {provider} has no status lookup and the callback cannot be trusted: confirm in its dashboard whether money moved.");

    public static string LatePayment(PaymentStatus endedAs) => $"Paid after the checkout had ended ({endedAs}): fulfil the order or refund the customer.";

    /// <summary>How a callback that proved a payment on its own arrived.</summary>
    public static string HowItArrived(CallbackEvidence evidence) => evidence switch
    {
        CallbackEvidence.Signature => "callback with a valid provider signature",
        CallbackEvidence.Token => "callback on the checkout's own tokened URL (the provider has no status lookup)",
        _ => "callback without our token",
    };

    private static string HintsReceived(CheckoutHints hints) =>
        hints is { Count: > 0, Last: { } last }
            ? string.Create(CultureInfo.InvariantCulture, $" {hints.Count} callback(s) without this checkout's token arrived meanwhile (the last at {last.ReceivedAt:u} said {last.Status?.Raw ?? "nothing readable"}); they prove nothing.")
            : string.Empty;
}
