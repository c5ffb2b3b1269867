using System.Text.Json;

namespace CheckoutOrchestrator.Providers.Chpter;

public sealed record ChpterSessionRequest(ChpterCustomerDetails CustomerDetails, ChpterAmount Amount, ChpterRedirectUrls RedirectUrls);

public sealed record ChpterCustomerDetails(string FullName, string? Location, string PhoneNumber, string Email);

/// <summary>Amounts and fees are strings holding positive integers; order_id is "integer" but sent as a string in the example.</summary>
public sealed record ChpterAmount(string OrderId, string DeliveryFee, string DiscountFee, string Total, string Currency);

public sealed record ChpterRedirectUrls(string SuccessUrl, string FailedUrl, string CallbackUrl);

public sealed record ChpterSessionResponse(string? CheckoutLink, bool? Status, JsonElement? OrderId, string? Message);
