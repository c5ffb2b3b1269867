using System.Text.Json;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>
/// The body of POST /checkouts as sent. Loose on purpose (strings, raw amount) so that every
/// field can be checked and reported on its own instead of failing the whole body at the first.
/// The merchant is the API key's; <see cref="MerchantId"/> may repeat it, never name another.
/// </summary>
public sealed record CreateCheckoutBody(
    string? MerchantId,
    string? MerchantReference,
    string? Provider,
    JsonElement? Amount,
    string? Currency,
    string? Description,
    CustomerBody? Customer,
    RedirectUrlsBody? RedirectUrls,
    IReadOnlyList<PaymentMethod>? AllowedMethods,
    int? ExpiresInSeconds,
    string? NotificationUrl = null,
    IReadOnlyList<string>? Providers = null);

/// <summary>The paying customer; the phone in international form (+2547…).</summary>
public sealed record CustomerBody(string? Name, string? Phone, string? Email);

public sealed record RedirectUrlsBody(string? Success, string? Failure, string? Cancel, string? Pending = null);
