using System.Text.Json;

namespace CheckoutOrchestrator.Checkouts;

public static class PaymentStatusExtensions
{
    /// <summary>The status as the API writes it: pending, requires_action, ...</summary>
    public static string ToWire(this PaymentStatus status) => JsonSerializer.Serialize(status).Trim('"');

    /// <summary>Reads a status as the API writes it, without regard to case (the API's one rule for enumerated values).</summary>
    public static bool TryParseWire(string? text, out PaymentStatus status)
    {
        foreach (var candidate in Enum.GetValues<PaymentStatus>())
        {
            if (string.Equals(candidate.ToWire(), text, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static bool IsTerminal(this PaymentStatus status) =>
        status is PaymentStatus.Succeeded or PaymentStatus.Failed or PaymentStatus.Expired or PaymentStatus.Cancelled;

    /// <summary>
    /// How far along a payment is. A checkout only ever moves to a status of higher progress,
    /// so a late or reordered provider event can never move it backwards.
    /// </summary>
    public static int Progress(this PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => 0,
        PaymentStatus.RequiresAction => 1,
        PaymentStatus.Processing => 2,
        _ => 3,
    };
}
