using System.Text.Json;

namespace CheckoutOrchestrator.Providers.Chpter;

public sealed record ChpterSessionRequest(ChpterCustomerDetails CustomerDetails, ChpterAmount Amount, ChpterRedirectUrls RedirectUrls);

public sealed record ChpterCustomerDetails(string FullName, string? Location, string PhoneNumber, string Email);

/// <summary>Amounts and fees are strings holding positive integers; order_id is "integer" but sent as a string in the example.</summary>
public sealed record ChpterAmount(string OrderId, string DeliveryFee, string DiscountFee, string Total, string Currency);

public sealed record ChpterRedirectUrls(string SuccessUrl, string FailedUrl, string CallbackUrl);

/// <summary>
/// The legacy answer has <c>status: true</c>; the 3.0 error format has <c>success: false</c> and a
/// numeric <c>status</c> (400, 401, …), even on HTTP 200. Both are read.
/// </summary>
public sealed record ChpterSessionResponse(string? CheckoutLink, JsonElement? Status, bool? Success, JsonElement? OrderId, string? Message)
{
    /// <summary>The HTTP-like status of a refusal, or null when Chpter did not refuse.</summary>
    public int? FailedWith()
    {
        if (Status is { ValueKind: JsonValueKind.Number } number && number.TryGetInt32(out var code) && code >= 400)
        {
            return code;
        }

        return Success == false || Status?.ValueKind == JsonValueKind.False ? 400 : null;
    }
}
