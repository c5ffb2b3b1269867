namespace CheckoutOrchestrator.Providers.AccessTokens;

/// <summary>A bearer token and the moment the provider stops accepting it.</summary>
public sealed record AccessToken(string Value, DateTimeOffset ExpiresAt);
