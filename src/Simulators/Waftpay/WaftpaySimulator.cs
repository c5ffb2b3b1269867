using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CheckoutOrchestrator.Simulators.Infrastructure;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Simulators.Waftpay;

/// <summary>
/// Waftpay (sandbox prefix /api): product-scoped token with expires_in in milliseconds, checkout
/// request answered with only a URL and expires_at, transaction status query by reference, and
/// callbacks with an unkeyed validation_hash. [inferred] extra_params.expiry is read as Nairobi
/// time; a repeated checkout_reference is refused; cancellation is reported as FAILED (103).
/// </summary>
public sealed class WaftpaySimulator : ProviderSimulator
{
    private static readonly string[] QueryKeys = ["transaction_reference", "payment_uuid", "request_uuid"];
    private static readonly string[] RequiredFields = ["timestamp", "checkout_reference", "payment_reference", "msisdn", "country", "currency", "mode"];
    private static readonly TimeZoneInfo Nairobi = TimeZoneInfo.FindSystemTimeZoneById("Africa/Nairobi");
    private readonly ConcurrentDictionary<string, string> sessionByReference = new(StringComparer.Ordinal);
    private readonly IOptions<SimulatorOptions> options;

    public WaftpaySimulator(CallbackSender callbacks, TimeProvider time, IOptions<SimulatorOptions> options)
        : base(callbacks, time)
    {
        this.options = options;
    }

    public override string Slug => "waftpay";

    public override string DisplayName => "Waftpay";

    /// <summary>
    /// Which keys the transaction status query knows: "all" (our transaction_reference and Waftpay's
    /// payment_uuid), "provider-ids" (payment_uuid only: the documented key), or "nothing" (it answers
    /// NOT_FOUND to everything, as an account without query access would).
    /// </summary>
    public string QueryKnows { get; set; } = "all";

    /// <summary>
    /// The envelope status of the next checkout request's HTTP 200 answer: "SUCCESS" as documented, or
    /// one of its error guide's statuses ("ACCEPTED", "ERROR", "REJECTED"). Goes back to SUCCESS after one.
    /// </summary>
    public string NextCreateStatus { get; set; } = "SUCCESS";

    /// <summary>
    /// How the status query answers a transaction it knows, in either of Waftpay's two documented
    /// shapes: "data" (data.state, lower case) or "results" (top-level status SUCCESS/FAILED/… with results).
    /// </summary>
    public string QueryShape { get; set; } = "data";

    /// <summary>Callbacks leave out "results" (nothing but status, code and description).</summary>
    public bool CallbacksWithoutResults { get; set; }

    /// <summary>
    /// What a callback's results.transaction_reference echoes: "checkout-reference" (ours, the default),
    /// or "payment-reference" (the merchant's). [inferred] The seed's example matches neither of its
    /// request's references, so which one Waftpay echoes is unknown.
    /// </summary>
    public string EchoedReference { get; set; } = "checkout-reference";

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/waftpay/api").WithMetadata(new ProviderApiEndpoint("waftpay"));
        api.MapPost("/authentication-service/v1/api/generate-token", (HttpRequest request, WaftpaySimulator simulator) => simulator.IssueTokenAsync(request));
        api.MapPost("/checkout-backend-api/v1/request", (HttpRequest request, WaftpaySimulator simulator) => simulator.CreateAsync(request));
        api.MapPost("/payments-tsq-service/v1/query/payments", (HttpRequest request, WaftpaySimulator simulator) => simulator.QueryAsync(request));
        app.MapHostedPage<WaftpaySimulator>("/waftpay/checkout/{id}");
        app.MapPut("/simulator/waftpay/next-create-status", (string status, WaftpaySimulator simulator) =>
        {
            simulator.NextCreateStatus = status;
            return Results.NoContent();
        });
        app.MapPut("/simulator/waftpay/query", (string? knows, string? shape, WaftpaySimulator simulator) =>
        {
            simulator.QueryKnows = knows ?? simulator.QueryKnows;
            simulator.QueryShape = shape ?? simulator.QueryShape;
            return Results.NoContent();
        });
        app.MapPut("/simulator/waftpay/callbacks", (bool? withoutResults, string? echo, WaftpaySimulator simulator) =>
        {
            simulator.CallbacksWithoutResults = withoutResults ?? simulator.CallbacksWithoutResults;
            simulator.EchoedReference = echo ?? simulator.EchoedReference;
            return Results.NoContent();
        });
    }

    /// <summary>The page token is base64 of the session's UUID, as in Waftpay's example URL.</summary>
    public override SimulatedSession? FindForPage(string pageId)
    {
        try
        {
            return Sessions.GetValueOrDefault(Encoding.UTF8.GetString(Convert.FromBase64String(pageId)));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public override IReadOnlyList<(string Method, string Label)> PayOptions(SimulatedSession session) => [("MPESA", "Pay with M-Pesa")];

    /// <summary>Each attempt is a payment of its own, with its own payment_uuid and state; a retry after a failure is a new one.</summary>
    protected override IReadOnlyList<OutgoingCallback> OnPaid(SimulatedSession session, DateTimeOffset now)
    {
        NewAttempt(session, RandomNumberGenerator.GetInt32(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture));
        Move(session, "processing", now);
        var pending = Notify(session, "PENDING", "101", "Payment is being processed", now);
        Move(session, "succeeded", now, isFinal: true);
        return [.. pending, .. Notify(session, "SUCCESS", "102", "Payment completed successfully", now)];
    }

    protected override IReadOnlyList<OutgoingCallback> OnFailed(SimulatedSession session, DateTimeOffset now)
    {
        NewAttempt(session, "0");
        Move(session, "failed", now, isFinal: true);
        return Notify(session, "FAILED", "103", "Insufficient funds", now);
    }

    protected override IReadOnlyList<OutgoingCallback> OnCancelled(SimulatedSession session, DateTimeOffset now)
    {
        NewAttempt(session, "0");
        Move(session, "canceled", now, isFinal: true);
        return Notify(session, "FAILED", "103", "Payment cancelled by customer", now);
    }

    protected override IReadOnlyList<OutgoingCallback> OnExpired(SimulatedSession session, DateTimeOffset now)
    {
        session.MoveTo("expired", now, isFinal: true);
        return Notify(session, "EXPIRED", "105", "Checkout expired", now);
    }

    private static IResult Rejected(int httpStatus, string code, string message, string? param = null, string error = "invalid_request") =>
        Results.Json(
            new { error, message, param, request_id = $"req_{Guid.NewGuid():N}"[..16], code, status = "REJECTED" },
            statusCode: httpStatus);

    private static void NewAttempt(SimulatedSession session, string paymentId)
    {
        session.Extra["payment_uuid"] = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture) + "1145761444";
        session.Extra["payment_id"] = paymentId;
    }

    /// <summary>The session's state, and the state of its current attempt as the query by payment_uuid knows it.</summary>
    private static void Move(SimulatedSession session, string state, DateTimeOffset now, bool isFinal = false)
    {
        session.MoveTo(state, now, isFinal);
        session.Extra[$"state:{session.Extra["payment_uuid"]}"] = state;
    }

    /// <summary>The callback vocabulary for a query state, for the query's second documented shape.</summary>
    private static (string Status, int Code) CallbackStatusOf(string state) => state switch
    {
        "processing" => ("PENDING", 101),
        "succeeded" => ("SUCCESS", 102),
        "expired" => ("EXPIRED", 105),
        _ => ("FAILED", 103),
    };

    private IReadOnlyList<OutgoingCallback> Notify(SimulatedSession session, string status, string code, string description, DateTimeOffset now)
    {
        var amount = session.Amount.ToString(CultureInfo.InvariantCulture);
        var paymentUuid = session.Extra.GetValueOrDefault("payment_uuid", string.Empty);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            amount + session.Reference + paymentUuid + session.Extra.GetValueOrDefault("payment_id", string.Empty))));
        if (CallbacksWithoutResults)
        {
            return session.CallbackUrl is null ? [] : [new OutgoingCallback(session.CallbackUrl, SimulatorJson.Serialize(new { status, code, description }))];
        }

        var body = SimulatorJson.Serialize(new
        {
            status,
            code,
            description,
            results = new
            {
                result_code = status == "SUCCESS" ? "0" : "1",
                result_description = description,
                amount = session.Amount,
                total_charges = 0,
                total_amount = session.Amount,
                account = session.Phone,
                transaction_reference = EchoedReference == "payment-reference" ? session.Extra["payment_reference"] : session.Reference,
                payment_uuid = paymentUuid,
                external_reference = $"SIM{paymentUuid[..Math.Min(7, paymentUuid.Length)]}",
                time_processed = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
                validation_hash = hash,
                metadata = JsonNode.Parse(session.Extra.GetValueOrDefault("meta_data", "{}")),
            },
        });
        return session.CallbackUrl is null ? [] : [new OutgoingCallback(session.CallbackUrl, body)];
    }

    private async Task<IResult> IssueTokenAsync(HttpRequest request)
    {
        Stats.CountTokenRequest();
        var body = await JsonBody.ReadObjectAsync(request);
        if (JsonBody.Text(body, "consumer_key") != options.Value.WaftpayConsumerKey
            || JsonBody.Text(body, "consumer_secret") != options.Value.WaftpayConsumerSecret)
        {
            return Rejected(401, "401.001.100", "Invalid consumer credentials", error: "authentication_error");
        }

        var lifetime = options.Value.WaftpayTokenMilliseconds;
        return Results.Json(new
        {
            status = true,
            message = "Request processed successfully",
            token = Tokens.Issue(TimeSpan.FromMilliseconds(lifetime)),
            expires_in = lifetime,
        });
    }

    private async Task<IResult> CreateAsync(HttpRequest request)
    {
        if (!Tokens.IsValid(BearerToken(request)))
        {
            return Rejected(401, "401.001.101", "Invalid or expired token", error: "authentication_error");
        }

        var body = await JsonBody.ReadObjectAsync(request);
        if (body is null)
        {
            return Rejected(400, "400.001.300", "Request body must be JSON");
        }

        var customer = body["customer"];
        var extra = body["extra_params"];
        var amount = JsonBody.Number(body, "amount");
        var reference = JsonBody.Text(body, "checkout_reference");
        var msisdn = JsonBody.Text(body, "msisdn");
        foreach (var required in RequiredFields)
        {
            if (string.IsNullOrEmpty(JsonBody.Text(body, required)))
            {
                return Rejected(400, "400.001.300", $"{required} is required", required);
            }
        }

        if (string.IsNullOrEmpty(JsonBody.Text(customer, "first_name")))
        {
            return Rejected(400, "400.001.300", "customer.first_name is required", "customer.first_name");
        }

        if (!DateTimeOffset.TryParse(JsonBody.Text(body, "timestamp"), CultureInfo.InvariantCulture, out _)
            || !JsonBody.Text(body, "timestamp")!.EndsWith('Z'))
        {
            return Rejected(400, "400.001.301", "timestamp must be ISO 8601 UTC (ends with Z)", "timestamp");
        }

        if (msisdn!.Length != 12 || !msisdn.StartsWith("254", StringComparison.Ordinal) || !msisdn.All(char.IsAsciiDigit))
        {
            return Rejected(400, "400.001.302", "msisdn must be digits with country code, e.g. 254711223344", "msisdn");
        }

        if (JsonBody.Text(body, "currency") != "KES" || JsonBody.Text(body, "country") != "KEN")
        {
            return Rejected(400, "400.001.304", "Invalid currency or country", "currency");
        }

        if (amount is not > 0 || !JsonBody.IsWhole(amount.Value))
        {
            return Rejected(400, "400.001.305", "amount must be a positive whole number", "amount");
        }

        foreach (var url in new[] { "callback_url", "success_redirect_url", "fail_redirect_url" })
        {
            if (JsonBody.WebUrl(body, url) is null)
            {
                return Rejected(400, "400.001.307", $"{url} must be a valid URL", url);
            }
        }

        var now = Time.GetUtcNow();
        var expiresAt = now.AddMinutes(60);
        if (JsonBody.Text(extra, "expiry") is { } expiry)
        {
            if (!DateTime.TryParseExact(expiry, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return Rejected(400, "400.001.308", "extra_params.expiry must be YYYY-MM-DD HH:mm:ss", "extra_params.expiry");
            }

            expiresAt = new DateTimeOffset(local, Nairobi.GetUtcOffset(local));
            if (expiresAt <= now)
            {
                return Rejected(400, "400.001.308", "extra_params.expiry is in the past", "extra_params.expiry");
            }
        }

        var answer = NextCreateStatus;
        NextCreateStatus = "SUCCESS";
        if (answer is "ERROR" or "REJECTED")
        {
            return Results.Json(new { code = answer == "ERROR" ? "500.001.500" : "400.001.399", status = answer, description = $"Simulated {answer}" });
        }

        var id = Guid.NewGuid().ToString();
        if (!sessionByReference.TryAdd(reference!, id))
        {
            return Rejected(400, "400.001.309", "checkout_reference already exists", "checkout_reference");
        }

        Stats.CountCreate();
        var session = Add(new SimulatedSession(id, now, expiresAt, "created")
        {
            Amount = amount.Value,
            Currency = "KES",
            Reference = reference,
            Phone = msisdn,
            CustomerName = JsonBody.Text(customer, "first_name"),
            Email = JsonBody.Text(customer, "email"),
            Description = JsonBody.Text(body, "payment_reference"),
            CallbackUrl = JsonBody.WebUrl(body, "callback_url"),
            SuccessUrl = JsonBody.WebUrl(body, "success_redirect_url"),
            FailureUrl = JsonBody.WebUrl(body, "fail_redirect_url"),
        });
        session.Extra["meta_data"] = body["meta_data"]?.ToJsonString() ?? "{}";
        session.Extra["payment_reference"] = JsonBody.Text(body, "payment_reference")!;

        var pageToken = Convert.ToBase64String(Encoding.UTF8.GetBytes(id));
        return Results.Json(new
        {
            code = "200",
            status = answer,
            description = "Request accepted",
            data = new { checkout_url = $"{Origin(request)}/waftpay/checkout/{pageToken}", expires_at = expiresAt.UtcDateTime },
        });
    }

    private async Task<IResult> QueryAsync(HttpRequest request)
    {
        if (!Tokens.IsValid(BearerToken(request)))
        {
            return Rejected(401, "401.001.101", "Invalid or expired token", error: "authentication_error");
        }

        var body = await JsonBody.ReadObjectAsync(request);
        var keys = QueryKeys.Where(k => JsonBody.Text(body, k) is not null).ToList();
        if (keys.Count != 1)
        {
            return Rejected(400, "400.002.300", "Provide exactly one of transaction_reference, payment_uuid or request_uuid");
        }

        Stats.CountStatusLookup();
        var value = JsonBody.Text(body, keys[0]);
        var session = (keys[0], QueryKnows) switch
        {
            (_, "nothing") => null,
            ("transaction_reference", "all") => sessionByReference.TryGetValue(value!, out var id) ? Find(id) : null,
            ("payment_uuid", _) => Known.FirstOrDefault(s => s.Extra.ContainsKey($"state:{value}")),
            _ => null,
        };

        // Until the customer attempts a payment there is no transaction to find.
        if (session is null || !session.Extra.TryGetValue("payment_uuid", out var newest))
        {
            return Results.Json(new { status = "NOT_FOUND", code = "404.002.404", description = "Transaction not found" }, statusCode: 404);
        }

        // Asked by payment_uuid, the answer is that attempt's; asked by our reference, the newest attempt's.
        var paymentUuid = keys[0] == "payment_uuid" ? value! : newest;
        var state = session.Extra[$"state:{paymentUuid}"];
        var payment = new
        {
            amount = session.Amount,
            total_charges = 0,
            total_amount = session.Amount,
            transaction_reference = session.Reference,
            payment_uuid = paymentUuid,
            payment_reference = session.Extra["payment_reference"],
            state,
            time_received = session.CreatedAt.UtcDateTime,
            last_updated = session.UpdatedAt.UtcDateTime,
        };
        if (QueryShape == "results")
        {
            var (status, code) = CallbackStatusOf(state);
            return Results.Json(new
            {
                code,
                status,
                description = status == "SUCCESS" ? "Transaction Was Successful" : $"Transaction {state}",
                results = new
                {
                    result_code = status == "SUCCESS" ? "0" : "1",
                    result_description = status == "SUCCESS" ? "Transaction Was Successful" : state,
                    payment.amount,
                    payment.total_charges,
                    payment.total_amount,
                    payment.transaction_reference,
                    payment.payment_uuid,
                    validation_hash = "not-a-real-hash",
                },
            });
        }

        return Results.Json(new { status = "200.100", code = "ACCEPTED", description = "Accepted for processing", data = payment });
    }
}
