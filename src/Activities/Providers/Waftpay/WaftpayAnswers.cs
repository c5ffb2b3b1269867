using System.Globalization;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Waftpay;

/// <summary>
/// One status from Waftpay's two answers about a checkout: asked by our reference (the checkout, its
/// newest attempt) and by the newest payment_uuid a callback named (that attempt). A success from
/// either is believed: a failed attempt never outweighs a payment for the checkout. Otherwise the
/// checkout's own answer speaks. Two successes that disagree on the amount, an attempt's answer that
/// names another reference, or a failed attempt when the checkout's reference is unknown to the
/// query (a later attempt would be invisible) are taken as the rules say and put on review.
/// </summary>
public static class WaftpayAnswers
{
    public static ProviderStatus? Combine(string reference, ProviderStatus? byReference, ProviderStatus? byPayment)
    {
        if (byPayment?.Reference is { } named && named != reference)
        {
            var note = $"Waftpay's status query, asked by the payment_uuid a callback named, answered for reference {named}, not this checkout's {reference}; only the answer for this checkout's reference was taken.";
            return (byReference ?? ProviderStatus.Missing(WaftpayStatuses.NotFound)) with { ReviewNote = note };
        }

        ProviderStatus?[] answers = [byReference, byPayment];
        var paid = answers.OfType<ProviderStatus>().Where(a => a.Status == PaymentStatus.Succeeded).ToList();
        if (paid is [var first, var second] && first.PaidAmount != second.PaidAmount)
        {
            return first with
            {
                ReviewNote = string.Create(
                    CultureInfo.InvariantCulture,
                    $"Waftpay's status query says the checkout was paid {first.PaidAmount} but its newest attempt {second.PaidAmount}: check what the customer paid."),
            };
        }

        if (paid.Count == 0 && byReference is null && byPayment is { Status: PaymentStatus.Failed })
        {
            return byPayment with
            {
                ReviewNote = "Waftpay's status query did not know this checkout's reference, only the failed attempt a callback named: the customer may have paid in a later attempt nobody saw. Check Waftpay's dashboard.",
            };
        }

        return paid.FirstOrDefault() ?? byReference ?? byPayment;
    }
}
