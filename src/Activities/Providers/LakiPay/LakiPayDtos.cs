namespace CheckoutOrchestrator.Providers.LakiPay;

/// <summary>Every LakiPay answer: status SUCCESS or ERROR, even on HTTP 200.</summary>
public sealed record LakiPayEnvelope<T>(string? Status, string? Message, string? ErrorCode, T? Data)
    where T : class
{
    public bool IsSuccess => string.Equals(Status, "SUCCESS", StringComparison.OrdinalIgnoreCase);
}

public sealed record LakiPayCheckoutRequest(
    decimal Amount,
    string Currency,
    string PhoneNumber,
    string Reference,
    string? Description,
    string? CallbackUrl,
    LakiPayRedirects Redirects,
    IReadOnlyList<string> SupportedMediums);

public sealed record LakiPayRedirects(string Success, string Failed);

/// <summary>[inferred] The SDKs name the fields payment_url / transaction_id; the docs checkout_url / lakipay_transaction_id. Both are read.</summary>
public sealed record LakiPayCheckoutData(
    string? CheckoutUrl,
    string? PaymentUrl,
    string? LakipayTransactionId,
    string? TransactionId,
    string? Reference,
    decimal? Amount,
    string? Currency,
    string? Status)
{
    public string? Url => CheckoutUrl ?? PaymentUrl;

    public string? Id => LakipayTransactionId ?? TransactionId;
}

public sealed record LakiPayTransaction(
    string? TransactionId,
    string? Reference,
    decimal? Amount,
    string? Currency,
    string? Status,
    string? Medium,
    string? Description);
