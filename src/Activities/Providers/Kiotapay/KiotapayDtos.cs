using System.Text.Json;
using System.Text.Json.Serialization;

namespace CheckoutOrchestrator.Providers.Kiotapay;

public sealed record KiotapayTokenRequest(string ApiKey, string ApiSecret);

public sealed record KiotapayTokenResponse(JsonElement? Status, KiotapayTokenData? Data);

public sealed record KiotapayTokenData(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

public sealed record KiotapayCreateSessionRequest(
    decimal Amount,
    string Currency,
    string Description,
    string SuccessUrl,
    string CancelUrl,
    IReadOnlyList<string> PaymentMethods,
    string? ExternalReference,
    string? CustomerEmail,
    string? CustomerPhone,
    string? PaymentReference,
    string? CallbackUrl);

/// <summary>
/// [inferred] The create response's example is missing from the docs: its fields are named in
/// prose. The STK endpoints wrap results in {status, message, data}, the GET is flat, so both are read.
/// </summary>
public sealed record KiotapayCreateSessionResponse(
    string? Id,
    string? CheckoutUrl,
    string? CheckoutRef,
    JsonElement? Status,
    KiotapayCreatedSession? Data)
{
    public KiotapayCreatedSession? Session => Data ?? (Id is null
        ? null
        : new KiotapayCreatedSession(Id, CheckoutUrl, CheckoutRef, Status?.ValueKind == JsonValueKind.String ? Status.Value.GetString() : null));
}

public sealed record KiotapayCreatedSession(string Id, string? CheckoutUrl, string? CheckoutRef, string? Status);

/// <summary>The GET answer. Its names differ from the request's: customerMsisdn, externalRef.</summary>
public sealed record KiotapaySessionDetails(
    string Id,
    decimal? Amount,
    string? Currency,
    string? Description,
    string? CustomerEmail,
    string? CustomerMsisdn,
    string? ExternalRef,
    IReadOnlyList<string>? PaymentMethods,
    string? Status);
