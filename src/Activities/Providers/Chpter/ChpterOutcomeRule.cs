using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Chpter;

/// <summary>
/// How a Chpter callback's fields decide the outcome, since Chpter has no status API and its
/// examples contradict each other (the card-success example says paid "False").
/// <list type="number">
/// <item>payment_status decides: "Payment complete." is success, "Payment Incomplete." is failure
/// (trimmed, case and the final full stop ignored).</item>
/// <item>paid ("True"/"False" strings or booleans) is checked against it; a disagreement keeps the
/// payment_status outcome and asks for a review.</item>
/// <item>Without payment_status, the Chpter 3.0 "Success" boolean decides.</item>
/// <item>paid alone decides nothing (it is wrong in a documented example): the status stays unknown.</item>
/// </list>
/// </summary>
public static class ChpterOutcomeRule
{
    public static (ProviderStatus Status, string? ReviewNote) Decide(string? paymentStatus, string? paid, string? success, string? message)
    {
        var paidFlag = Flag(paid);
        switch (Normalise(paymentStatus))
        {
            case "payment complete":
                return (new(paymentStatus!, PaymentStatus.Succeeded), paidFlag == false ? Conflict(paymentStatus!, paid!) : null);
            case "payment incomplete":
                return (new(paymentStatus!, PaymentStatus.Failed, message), paidFlag == true ? Conflict(paymentStatus!, paid!) : null);
        }

        return Flag(success) switch
        {
            true => (new($"Success={success}", PaymentStatus.Succeeded), null),
            false => (new($"Success={success}", PaymentStatus.Failed, message), null),
            null => (new(paymentStatus ?? $"paid={paid}", null), null),
        };
    }

    private static string Conflict(string paymentStatus, string paid) =>
        $"Chpter fields disagree: payment_status \"{paymentStatus}\" but paid \"{paid}\"; payment_status was followed.";

    private static string? Normalise(string? paymentStatus) =>
#pragma warning disable CA1308 // comparison text, not output
        paymentStatus?.Trim().TrimEnd('.').Trim().ToLowerInvariant();
#pragma warning restore CA1308

    private static bool? Flag(string? value) =>
        bool.TryParse(value?.Trim(), out var flag) ? flag : null;
}
