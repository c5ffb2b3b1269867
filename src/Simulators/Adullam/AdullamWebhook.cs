namespace CheckoutOrchestrator.Simulators.Adullam;

/// <summary>An account-level webhook registered through POST /v1/webhooks.</summary>
public sealed record AdullamWebhook(string Id, Uri Url, IReadOnlyList<string> Events, string Secret, string? Description, DateTimeOffset CreatedAt);
