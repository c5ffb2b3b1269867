using System.Globalization;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// The rules by which a provider's word about money is weighed, shared by a running checkout and
/// by the reconciliation of a closed one. Pure functions, so workflows may call them.
/// </summary>
public static class PaymentEvidence
{
    /// <summary>Why a reported success is not this checkout's (another reference or amount), or null when it is.</summary>
    public static string? DoubtAbout(ProviderStatus status, PaymentProvider provider, string reference, Money expected)
    {
        if (status.Status != PaymentStatus.Succeeded)
        {
            return null;
        }

        if (status.Reference is { } reported && reported != reference)
        {
            return $"{provider} reported a success for reference {reported}, not this checkout's {reference}; not taken as success.";
        }

        var figures = status.AmountDetail is { } detail ? $" ({detail})" : string.Empty;
        return status.PaidAmount is { } paid && paid != expected.Value
            ? $"{provider} reported success for {paid} {expected.Currency}{figures}, not the {expected.Value} asked for; not taken as success. Check what the customer paid, then refund or fulfil."
            : null;
    }

    /// <summary>The review note for a callback naming another checkout's reference; it changes nothing.</summary>
    public static string ForAnotherReference(string reported, string reference) =>
        $"A callback for reference {reported} reached this checkout (reference {reference}) and was ignored.";

    /// <summary>The review note for a callback that says paid where the provider's own lookup says otherwise.</summary>
    public static string Contradicted(ProviderEvent claim, PaymentProvider provider, ProviderStatus? lookup) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"A callback at {claim.ReceivedAt:u}, after the checkout ended, said the payment succeeded ({claim.Status!.Raw}), but {provider}'s status lookup says {lookup?.Raw ?? "nothing (it failed)"}: check with {provider} whether money moved.");

    /// <summary>The review note that goes with every late payment.</summary>
    public static string LatePaymentNote(PaymentStatus endedAs) => $"Paid after the checkout had ended ({endedAs}): fulfil the order or refund the customer.";

    /// <summary>How a late payment reported by a callback alone was proven, for providers with no lookup.</summary>
    public static string CallbackEvidence(Providers.CallbackTrust trust) => trust switch
    {
        Providers.CallbackTrust.Signature => "signed callback",
        _ => "callback on the checkout's own tokened URL (the provider has no status lookup)",
    };
}
