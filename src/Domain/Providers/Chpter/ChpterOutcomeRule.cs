using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Chpter;

/// <summary>
/// How a Chpter callback's fields decide the outcome, as Chpter's own four examples show them
/// (M-Pesa and card, success and failure):
/// <list type="number">
/// <item>payment_status decides: "Payment complete." is success, "Payment Incomplete." is failure
/// (trimmed, case and the final full stop ignored).</item>
/// <item>paid ("True"/"False" strings or booleans) speaks only for M-Pesa: the documented card
/// success says paid "False" with "Payment complete." and response_status 200, so for a card paid
/// is not read. Where the documents show no such combination (M-Pesa complete but not paid, any
/// failure that says paid, a card success without response_status 200), payment_status is followed
/// and the checkout goes on review.</item>
/// <item>Without payment_status, the Chpter 3.0 "Success" boolean decides.</item>
/// <item>paid alone decides nothing: the status stays unknown.</item>
/// </list>
/// </summary>
public static class ChpterOutcomeRule
{
    public static (ProviderStatus Status, string? ReviewNote) Decide(
        string? paymentStatus, string? paid, string? success, string? message, string? paymentMethod = null, string? responseStatus = null)
    {
        var paidFlag = Flag(paid);
        var card = string.Equals(paymentMethod?.Trim(), "CARD", StringComparison.OrdinalIgnoreCase);
        switch (Normalise(paymentStatus))
        {
            case "payment complete":
                var documented = card ? responseStatus?.Trim() == "200" : paidFlag != false;
                return (new(paymentStatus!, PaymentStatus.Succeeded), documented ? null : Undocumented(paymentStatus!, paid, paymentMethod, responseStatus));
            case "payment incomplete":
                return (new(paymentStatus!, PaymentStatus.Failed, message), paidFlag == true ? Undocumented(paymentStatus!, paid, paymentMethod, responseStatus) : null);
        }

        return Flag(success) switch
        {
            true => (new($"Success={success}", PaymentStatus.Succeeded), null),
            false => (new($"Success={success}", PaymentStatus.Failed, message), null),
            null => (new(paymentStatus ?? $"paid={paid}", null), null),
        };
    }

    private static string Undocumented(string paymentStatus, string? paid, string? method, string? responseStatus) =>
        $"Chpter's fields combine in a way its documents never show: payment_status \"{paymentStatus}\", paid \"{paid}\", payment_method \"{method}\", response_status \"{responseStatus}\"; payment_status was followed.";

    private static string? Normalise(string? paymentStatus) =>
#pragma warning disable CA1308 // comparison text, not output
        paymentStatus?.Trim().TrimEnd('.').Trim().ToLowerInvariant();
#pragma warning restore CA1308

    private static bool? Flag(string? value) =>
        bool.TryParse(value?.Trim(), out var flag) ? flag : null;
}
