namespace CheckoutOrchestrator.Providers.AccessTokens;

/// <summary>Asks a provider for a new access token.</summary>
public interface IAccessTokenSource
{
    Task<AccessToken> FetchAsync(CancellationToken cancellationToken);
}
