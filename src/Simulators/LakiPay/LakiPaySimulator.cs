using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Simulators.Infrastructure;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Simulators.LakiPay;

/// <summary>
/// LakiPay: X-API-Key "public:secret", {status, message, data} envelopes, hosted page under /pay,
/// DEPOSIT callbacks signed RSA-SHA256 (PKCS#1 v1.5) over the sorted key=value&amp; string.
/// [inferred] A duplicate reference is refused with HTTP 200 and status ERROR.
/// </summary>
public sealed class LakiPaySimulator : ProviderSimulator
{
    private static readonly string[] KnownMediums = ["MPESA", "TELEBIRR", "CBE", "ETHSWITCH", "LAKIPAY", "CYBERSOURCE"];
    private readonly IOptions<SimulatorOptions> options;
    private readonly LakiPaySigningKey signingKey;

    public LakiPaySimulator(CallbackSender callbacks, TimeProvider time, IOptions<SimulatorOptions> options, LakiPaySigningKey signingKey)
        : base(callbacks, time)
    {
        this.options = options;
        this.signingKey = signingKey;
    }

    public override string Slug => "lakipay";

    public LakiPaySigning Signing { get; set; } = new();

    public override string DisplayName => "LakiPay";

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/lakipay/api/v2/payment").WithMetadata(new ProviderApiEndpoint("lakipay"));
        api.MapPost("/checkout", (HttpRequest request, LakiPaySimulator simulator) => simulator.CreateAsync(request));
        api.MapGet("/transaction/{id}", (string id, HttpRequest request, LakiPaySimulator simulator) => simulator.GetTransaction(id, request));
        app.MapHostedPage<LakiPaySimulator>("/lakipay/pay/{id}");
        app.MapGet("/simulator/lakipay/webhook-public-key", (LakiPaySigningKey key) => Results.Text(key.PublicKeyPem, "application/x-pem-file"));
        app.MapPut("/simulator/lakipay/signing", (LakiPaySigning signing, LakiPaySimulator simulator) =>
        {
            simulator.Signing = signing;
            return Results.Ok(signing);
        });
    }

    protected override IReadOnlyList<OutgoingCallback> OnPaid(SimulatedSession session, DateTimeOffset now)
    {
        session.MoveTo("PENDING", now);
        var pending = Deposit(session, now);
        session.MoveTo("SUCCESS", now, isFinal: true);
        return [.. pending, .. Deposit(session, now)];
    }

    protected override IReadOnlyList<OutgoingCallback> OnFailed(SimulatedSession session, DateTimeOffset now)
    {
        session.MoveTo("FAILED", now, isFinal: true);
        return Deposit(session, now);
    }

    protected override IReadOnlyList<OutgoingCallback> OnCancelled(SimulatedSession session, DateTimeOffset now)
    {
        session.MoveTo("CANCELLED", now, isFinal: true);
        return Deposit(session, now);
    }

    // [inferred] Session expiry is undocumented for this API; no callback is sent for it.
    protected override IReadOnlyList<OutgoingCallback> OnExpired(SimulatedSession session, DateTimeOffset now)
    {
        session.MoveTo("EXPIRED", now, isFinal: true);
        return [];
    }

    private static string SignedNumber(decimal amount, string style) => style switch
    {
        "javascript" => ((double)amount).ToString(CultureInfo.InvariantCulture),
        "python" => (double)amount == Math.Floor((double)amount) ? ((double)amount).ToString("0.0", CultureInfo.InvariantCulture) : ((double)amount).ToString(CultureInfo.InvariantCulture),
        _ => amount.ToString("F2", CultureInfo.InvariantCulture),
    };

    private static IResult Envelope(int httpStatus, string message, string errorCode, Dictionary<string, string[]>? errors = null) =>
        Results.Json(new { status = "ERROR", message, error_code = errorCode, errors }, statusCode: httpStatus);

    private IReadOnlyList<OutgoingCallback> Deposit(SimulatedSession session, DateTimeOffset now)
    {
        if (session.CallbackUrl is null)
        {
            return [];
        }

        // The provider signs the values it sends, sorted by name, numbers as written on the wire.
        var signing = Signing;
        var fields = new SortedDictionary<string, (string? Text, bool IsNumber)>(StringComparer.Ordinal)
        {
            ["amount"] = (session.Amount.ToString("F2", CultureInfo.InvariantCulture), true),
            ["currency"] = (session.Currency, false),
            ["event"] = ("DEPOSIT", false),
            ["medium"] = (session.PaidWith ?? (session.Methods.Count > 0 ? session.Methods[0] : "MPESA"), false),
            ["reference"] = (session.Reference!, false),
            ["status"] = (session.Status, false),
            ["timestamp"] = (now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), false),
            ["transaction_id"] = (session.Id, false),
        };
        if (signing.NullFieldAs is not null)
        {
            fields["description"] = (null, false);
        }

        var canonical = string.Join('&', fields
            .Where(f => signing.IncludeMedium || f.Key != "medium")
            .Select(f => $"{f.Key}={(f.Value.IsNumber ? SignedNumber(session.Amount, signing.Numbers) : f.Value.Text ?? signing.NullFieldAs)}"));
        var signature = Convert.ToBase64String(signingKey.Key.SignData(Encoding.UTF8.GetBytes(canonical), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, (text, isNumber)) in fields)
            {
                writer.WritePropertyName(name);
                if (text is null)
                {
                    writer.WriteNullValue();
                }
                else if (isNumber)
                {
                    writer.WriteRawValue(text);
                }
                else
                {
                    writer.WriteStringValue(text);
                }
            }

            writer.WriteString("signature", signature);
            writer.WriteEndObject();
        }

        return [new OutgoingCallback(session.CallbackUrl, Encoding.UTF8.GetString(buffer.ToArray()))];
    }

    private bool IsAuthorised(HttpRequest request) => request.Headers["X-API-Key"] == options.Value.LakiPayApiKey;

    private async Task<IResult> CreateAsync(HttpRequest request)
    {
        if (!IsAuthorised(request))
        {
            return Envelope(401, "Invalid API key", "INVALID_API_KEY", new() { ["api_key"] = ["API key is required"] });
        }

        var body = await JsonBody.ReadObjectAsync(request);
        var amount = JsonBody.Number(body, "amount");
        var currency = JsonBody.Text(body, "currency");
        var phone = JsonBody.Text(body, "phone_number");
        var reference = JsonBody.Text(body, "reference");
        var mediums = JsonBody.Texts(body, "supported_mediums");
        var redirects = body?["redirects"];
        if (body is null)
        {
            return Envelope(400, "Invalid JSON body", "VALIDATION_ERROR");
        }

        if (amount is not > 0 || decimal.Round(amount.Value, 2) != amount)
        {
            return Envelope(400, "Amount must be positive with at most two decimal places", "INVALID_AMOUNT");
        }

        if (phone is null || phone.Length != 12 || !phone.StartsWith("251", StringComparison.Ordinal) || !phone.All(char.IsAsciiDigit))
        {
            return Envelope(400, "Phone number must be digits with country code, e.g. 251911111111", "INVALID_PHONE");
        }

        var errors = new Dictionary<string, string[]>();
        if (currency is not ("ETB" or "USD") || (currency == "USD" && mediums is not ["CYBERSOURCE"]))
        {
            errors["currency"] = ["ETB, or USD through CYBERSOURCE only"];
        }

        if (string.IsNullOrEmpty(reference) || reference.Length > 100)
        {
            errors["reference"] = ["reference is required (at most 100 characters)"];
        }

        if (mediums is not { Count: > 0 } || mediums.Except(KnownMediums).Any())
        {
            errors["supported_mediums"] = [$"one or more of {string.Join(", ", KnownMediums)}"];
        }

        if (JsonBody.WebUrl(redirects, "success") is null || JsonBody.WebUrl(redirects, "failed") is null)
        {
            errors["redirects"] = ["redirects.success and redirects.failed must be URLs"];
        }

        if (errors.Count > 0)
        {
            return Envelope(400, "Validation failed", "VALIDATION_ERROR", errors);
        }

        if (Sessions.Values.Any(s => s.Reference == reference))
        {
            return Envelope(200, "A checkout with this reference already exists", "DUPLICATE_REFERENCE");
        }

        Stats.CountCreate();
        var now = Time.GetUtcNow();
        var id = $"TXN-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}";
        var session = Add(new SimulatedSession(id, now, now.AddMinutes(options.Value.DefaultSessionMinutes), "INITIATED")
        {
            Amount = amount.Value,
            Currency = currency!,
            Reference = reference,
            Phone = phone,
            Description = JsonBody.Text(body, "description"),
            CallbackUrl = JsonBody.WebUrl(body, "callback_url"),
            SuccessUrl = JsonBody.WebUrl(redirects, "success"),
            FailureUrl = JsonBody.WebUrl(redirects, "failed"),
            Methods = mediums!,
        });

        return Results.Json(new
        {
            status = "SUCCESS",
            message = "Checkout session created successfully",
            data = new
            {
                checkout_url = $"{Origin(request)}/lakipay/pay/{id}",
                lakipay_transaction_id = id,
                reference,
                amount = session.Amount,
                currency = session.Currency,
                status = session.Status,
            },
        });
    }

    private IResult GetTransaction(string id, HttpRequest request)
    {
        if (!IsAuthorised(request))
        {
            return Envelope(401, "Invalid API key", "INVALID_API_KEY");
        }

        Stats.CountStatusLookup();
        return Find(id) is { } session
            ? Results.Json(new
            {
                status = "SUCCESS",
                message = "Transaction retrieved",
                data = new
                {
                    transaction_id = session.Id,
                    reference = session.Reference,
                    amount = session.Amount,
                    currency = session.Currency,
                    status = session.Status,
                    medium = session.PaidWith,
                    created_at = session.CreatedAt,
                    updated_at = session.UpdatedAt,
                },
            })
            : Envelope(404, "Transaction not found", "TRANSACTION_NOT_FOUND");
    }
}
