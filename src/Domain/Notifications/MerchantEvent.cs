using System.Text.Json.Serialization;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Notifications;

/// <summary>
/// The JSON body a merchant's endpoint receives. Receivers dedupe on <see cref="Id"/>. A
/// <c>checkout.needs_review</c> event names the <see cref="Reason"/> it is about (one event per reason).
/// </summary>
public sealed record MerchantEvent(
    string Id,
    string Type,
    DateTimeOffset CreatedAt,
    CheckoutView Checkout,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReviewReason? Reason = null);
