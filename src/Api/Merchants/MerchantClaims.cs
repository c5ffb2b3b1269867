using System.Security.Claims;

namespace CheckoutOrchestrator.Api.Merchants;

/// <summary>Who is calling: the merchant whose API key the request carries.</summary>
public static class MerchantClaims
{
    public const string MerchantId = "merchant_id";

    public static string MerchantOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(MerchantId) ?? throw new InvalidOperationException("The request was not authenticated as a merchant.");
}
