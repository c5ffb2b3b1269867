namespace CheckoutOrchestrator.Providers.Adullam;

public sealed record AdullamTokenRequest(string Phone, string Password);

public sealed record AdullamTokenResponse(string? AccessToken, string? TokenType, int? ExpiresIn, string? PartnerId);

/// <summary>Integer XOF (no minor unit), at least 100; expires_in 300–86400 s.</summary>
public sealed record AdullamCreateCheckoutRequest(long Amount, string Currency, string UserPhone, string? Description, int ExpiresIn);

public sealed record AdullamCheckoutSession(
    string? Id,
    string? Status,
    long? Amount,
    string? Currency,
    string? UserPhone,
    string? PaymentId,
    string? Description,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? CompletedAt,
    string? FailureReason,
    long? TransactionFee);

public sealed record AdullamCheckoutPage(IReadOnlyList<AdullamCheckoutSession>? Sessions, int? TotalCount, bool? HasMore, int? NextOffset);
