namespace CheckoutOrchestrator.Simulators.Merchant;

/// <summary>One delivery to the merchant inbox: what came, whether its signature checked out, and what the inbox answered.</summary>
public sealed record ReceivedEvent(
    string MerchantId,
    string? EventId,
    string? Type,
    string? CheckoutId,
    string? Status,
    bool SignatureVerified,
    string? SignatureProblem,
    int AnsweredStatus,
    DateTimeOffset ReceivedAt,
    string Body,
    string? Signature = null);
