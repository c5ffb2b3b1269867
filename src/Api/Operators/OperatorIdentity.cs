using System.Security.Claims;

namespace CheckoutOrchestrator.Api.Operators;

/// <summary>Who an authenticated operator is, as a review resolution records it: a static token's configured name, or the OIDC subject.</summary>
public static class OperatorIdentity
{
    public const string NameClaim = "operator_name";

    public static string Of(ClaimsPrincipal user) =>
        user.FindFirst(NameClaim)?.Value
        ?? user.FindFirst("sub")?.Value
        ?? throw new InvalidOperationException("An authenticated operator carries a name or a subject.");
}
