using System.Text.Json;
using CheckoutOrchestrator.Checkouts;

namespace CheckoutOrchestrator.Providers.Waftpay;

public sealed record WaftpayTokenRequest(string ConsumerKey, string ConsumerSecret);

/// <summary>expires_in is in milliseconds (7 200 000 = 2 h).</summary>
public sealed record WaftpayTokenResponse(bool? Status, string? Message, string? Token, long? ExpiresIn);

public sealed record WaftpayCheckoutRequest(
    WaftpayCustomer Customer,
    string Timestamp,
    string CheckoutReference,
    string PaymentReference,
    string Msisdn,
    string Country,
    string Currency,
    long Amount,
    string Mode,
    string CallbackUrl,
    string SuccessRedirectUrl,
    string FailRedirectUrl,
    IReadOnlyDictionary<string, string> MetaData,
    WaftpayExtraParams ExtraParams);

public sealed record WaftpayCustomer(string FirstName, string? OtherNames, string? Email, string PhoneNumber);

public sealed record WaftpayExtraParams(string Language, string Expiry, bool StrictAmount);

/// <summary>code is the string "200" here and a number elsewhere, so it is read as raw JSON.</summary>
public sealed record WaftpayCheckoutResponse(JsonElement? Code, string? Status, string? Description, WaftpayCheckoutData? Data);

public sealed record WaftpayCheckoutData(string? CheckoutUrl, DateTimeOffset? ExpiresAt);

/// <summary>Exactly one key is sent; nulls are left out of the body.</summary>
public sealed record WaftpayQueryRequest(string? TransactionReference = null, string? PaymentUuid = null);

/// <summary>
/// The status query's answer, in either documented shape: <c>data</c> with a lower-case
/// <c>state</c>, or (the second example) <c>results</c> under an upper-case <c>status</c> in the
/// callback's vocabulary (SUCCESS, FAILED, …).
/// </summary>
public sealed record WaftpayQueryResponse(JsonElement? Status, JsonElement? Code, string? Description, WaftpayPayment? Data, WaftpayPayment? Results = null)
{
    public bool IsNotFound => Says(Status, "NOT_FOUND") || Says(Code, "NOT_FOUND");

    public ProviderStatus Read()
    {
        var (payment, status) = Data is { } data
            ? (data, WaftpayStatuses.Query.Map(data.State, paidAmount: data.Amount))
            : (Results, WaftpayStatuses.Callback.Map(Status?.ValueKind == JsonValueKind.String ? Status.Value.GetString() : null, Results?.ResultDescription, Results?.Amount));
        return status with { AmountDetail = payment?.AmountDetail, Reference = payment?.TransactionReference };
    }

    private static bool Says(JsonElement? element, string text) =>
        element?.ValueKind == JsonValueKind.String && string.Equals(element.Value.GetString(), text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// [inferred] amount is compared with the checkout's; whether total_amount includes total_charges is
/// unclear (the documented example has both at 100 with charges of 10), so all three are reported.
/// </summary>
public sealed record WaftpayPayment(
    decimal? Amount,
    decimal? TotalCharges,
    decimal? TotalAmount,
    string? TransactionReference,
    string? PaymentUuid,
    string? PaymentReference,
    string? State,
    string? ResultDescription = null)
{
    public string AmountDetail => FormattableString.Invariant($"amount {Amount}, total_charges {TotalCharges}, total_amount {TotalAmount}");
}
