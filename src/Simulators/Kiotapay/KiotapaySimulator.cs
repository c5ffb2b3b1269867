using CheckoutOrchestrator.Simulators.Infrastructure;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Simulators.Kiotapay;

/// <summary>
/// Kiotapay: token exchange at /api/v1/get-token, checkout sessions under /api/sandbox/v1.
/// [inferred] The create response is wrapped like the STK endpoints ({status, message, data}) while
/// the GET is flat, as documented; callbacks are undocumented, so they carry id, refs and status.
/// </summary>
public sealed class KiotapaySimulator : ProviderSimulator
{
    private static readonly string[] KnownMethods = ["CARD", "MPESA_STK"];
    private readonly IOptions<SimulatorOptions> options;

    public KiotapaySimulator(CallbackSender callbacks, TimeProvider time, IOptions<SimulatorOptions> options)
        : base(callbacks, time)
    {
        this.options = options;
    }

    public override string Slug => "kiotapay";

    public override string DisplayName => "Kiotapay";

    // Kiotapay has a cancel URL but no cancelled state: cancelling only takes the customer back.
    public override bool CanCancel => true;

    public bool CreateWithoutId { get; set; }

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/kiotapay/api").WithMetadata(new ProviderApiEndpoint("kiotapay"));
        api.MapPost("/v1/get-token", (HttpRequest request, KiotapaySimulator simulator) => simulator.IssueTokenAsync(request));

        // The sandbox path is documented; the production one is [inferred] (/api/v1) and served alike.
        foreach (var environment in new[] { "/sandbox/v1", "/v1" })
        {
            api.MapPost($"{environment}/checkout-sessions", (HttpRequest request, KiotapaySimulator simulator) => simulator.CreateAsync(request));
            api.MapGet($"{environment}/checkout-sessions/{{id}}", (string id, HttpRequest request, KiotapaySimulator simulator) => simulator.Get(id, request));
        }

        app.MapHostedPage<KiotapaySimulator>("/kiotapay/checkout/{id}");
        app.MapPut("/simulator/kiotapay/create-without-id", (bool enabled, KiotapaySimulator simulator) =>
        {
            simulator.CreateWithoutId = enabled;
            return Results.NoContent();
        });
    }

    public override IReadOnlyList<(string Method, string Label)> PayOptions(SimulatedSession session) =>
        [.. session.Methods.DefaultIfEmpty("MPESA_STK").Select(m => (m, m switch
        {
            "MPESA_STK" => "Pay with M-Pesa (a prompt on your phone)",
            "CARD" => "Pay by card",
            _ => $"Pay with {m}",
        }))];

    /// <summary>The create's answer leaves out the session id (the example body is missing from Kiotapay's page).</summary>
    protected override IReadOnlyList<OutgoingCallback> OnPaid(SimulatedSession session, DateTimeOffset now)
    {
        var processing = Notify(session, "PROCESSING");
        session.MoveTo("SUCCEEDED", now, isFinal: true);
        return [.. processing, .. Notify(session, "SUCCEEDED")];
    }

    protected override IReadOnlyList<OutgoingCallback> OnFailed(SimulatedSession session, DateTimeOffset now)
    {
        session.MoveTo("FAILED", now, isFinal: true);
        return Notify(session, "FAILED");
    }

    protected override IReadOnlyList<OutgoingCallback> OnCancelled(SimulatedSession session, DateTimeOffset now) => [];

    protected override IReadOnlyList<OutgoingCallback> OnExpired(SimulatedSession session, DateTimeOffset now)
    {
        session.MoveTo("EXPIRED", now, isFinal: true);
        return Notify(session, "EXPIRED");
    }

    private static IResult Error(int status, string message) => Results.Json(new { status, message }, statusCode: status);

    private static IReadOnlyList<OutgoingCallback> Notify(SimulatedSession session, string status) =>
        session.CallbackUrl is null
            ? []
            : [new OutgoingCallback(session.CallbackUrl, SimulatorJson.Serialize(new
            {
                id = session.Id,
                checkoutRef = session.Extra["checkoutRef"],
                externalReference = session.Reference,
                status,
                amount = session.Amount,
                currency = session.Currency,
            }))];

    /// <summary>The document says the header "must be application/json"; strictly, that admits no parameters.</summary>
    private bool HasRequiredContentType(HttpRequest request) =>
        !options.Value.KiotapayStrictContentType || request.ContentType == "application/json";

    private async Task<IResult> IssueTokenAsync(HttpRequest request)
    {
        Stats.CountTokenRequest();
        if (!HasRequiredContentType(request))
        {
            return Error(415, "Content-Type must be application/json");
        }

        var body = await JsonBody.ReadObjectAsync(request);
        if (JsonBody.Text(body, "apiKey") != options.Value.KiotapayApiKey || JsonBody.Text(body, "apiSecret") != options.Value.KiotapayApiSecret)
        {
            return Error(401, "Invalid API credentials");
        }

        var lifetime = options.Value.KiotapayTokenSeconds;
        return Results.Json(new
        {
            status = "200 OK",
            data = new
            {
                access_token = Tokens.Issue(TimeSpan.FromSeconds(lifetime)),
                refresh_token = Tokens.Issue(TimeSpan.FromSeconds(1800)),
                expires_in = lifetime,
                refresh_expires_in = 1800,
            },
        });
    }

    private async Task<IResult> CreateAsync(HttpRequest request)
    {
        if (!Tokens.IsValid(BearerToken(request)))
        {
            return Error(401, "Invalid or expired token");
        }

        if (!HasRequiredContentType(request))
        {
            return Error(415, "Content-Type must be application/json");
        }

        var body = await JsonBody.ReadObjectAsync(request);
        var amount = JsonBody.Number(body, "amount");
        var methods = JsonBody.Texts(body, "paymentMethods");
        var callbackUrl = JsonBody.Text(body, "callbackUrl");
        var problem = body is null ? "Invalid payload"
            : amount is not > 0 ? "amount must be a positive number"
            : JsonBody.Text(body, "currency") != "KES" ? "currency must be KES"
            : string.IsNullOrWhiteSpace(JsonBody.Text(body, "description")) ? "description is required"
            : JsonBody.WebUrl(body, "successUrl") is null || JsonBody.WebUrl(body, "cancelUrl") is null ? "invalid redirect URL"
            : methods is not { Count: > 0 } || methods.Except(KnownMethods).Any() ? "unsupported payment methods"
            : methods.Contains("MPESA_STK") && !JsonBody.IsWhole(amount.Value) ? "M-Pesa amounts must be whole numbers"
            : callbackUrl is not null && JsonBody.WebUrl(body, "callbackUrl") is null ? "invalid callback URL"
            : null;
        if (problem is not null)
        {
            return Error(400, problem);
        }

        Stats.CountCreate();
        var now = Time.GetUtcNow();
        var id = Guid.NewGuid().ToString();
        var session = Add(new SimulatedSession(id, now, now.AddMinutes(options.Value.DefaultSessionMinutes), "PENDING")
        {
            Amount = amount!.Value,
            Currency = "KES",
            Reference = JsonBody.Text(body, "externalReference"),
            Description = JsonBody.Text(body, "description"),
            Phone = JsonBody.Text(body, "customerPhone"),
            Email = JsonBody.Text(body, "customerEmail"),
            CallbackUrl = JsonBody.WebUrl(body, "callbackUrl"),
            SuccessUrl = JsonBody.WebUrl(body, "successUrl"),
            FailureUrl = JsonBody.WebUrl(body, "cancelUrl"),
            Methods = methods!,
        });
        session.Extra["checkoutRef"] = $"KPCO-{id[..8].ToUpperInvariant()}";

        return Results.Json(
            new
            {
                status = 201,
                message = "Checkout session created",
                data = new { id = CreateWithoutId ? null : id, checkoutUrl = $"{Origin(request)}/kiotapay/checkout/{id}", checkoutRef = session.Extra["checkoutRef"], status = session.Status },
            },
            statusCode: 201);
    }

    private IResult Get(string id, HttpRequest request)
    {
        if (!Tokens.IsValid(BearerToken(request)))
        {
            return Error(401, "Invalid or expired token");
        }

        Stats.CountStatusLookup();
        return Find(id) is { } session
            ? Results.Json(new
            {
                id = session.Id,
                amount = session.Amount,
                currency = session.Currency,
                description = session.Description,
                customerEmail = session.Email,
                customerMsisdn = session.Phone,
                externalRef = session.Reference,
                paymentMethods = session.Methods,
                merchantDisplayName = "Simulated Store",
                merchantLogoUrl = (string?)null,
                status = session.Status,
            })
            : Error(404, "Checkout session not found");
    }
}
