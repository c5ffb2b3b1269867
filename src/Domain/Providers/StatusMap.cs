using System.Collections.Frozen;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers;

/// <summary>
/// A provider's status vocabulary, matched without regard to case. A value not in the map is kept
/// raw with no meaning attached, so it can never be taken for success.
/// </summary>
public sealed class StatusMap
{
    private readonly FrozenDictionary<string, PaymentStatus> map;

    public StatusMap(IReadOnlyDictionary<string, PaymentStatus> map)
    {
        this.map = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public ProviderStatus Map(string? raw, string? failureReason = null, decimal? paidAmount = null)
    {
        var value = raw?.Trim() ?? string.Empty;
        return new ProviderStatus(
            value,
            map.TryGetValue(value, out var status) ? status : null,
            failureReason,
            paidAmount);
    }
}
