using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CheckoutOrchestrator.Simulators.Infrastructure;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Simulators.Adullam;

/// <summary>
/// Adullam (XOF, Côte d'Ivoire): phone+password token, POST /v1/checkouts with a required
/// idempotency-key, no checkout URL (the customer approves on the phone: /adullam/phone), the
/// checkout list, and account-level payment.* webhooks. [inferred] The webhook payload and its
/// X-Adullam-Signature header are undocumented; the single-session GET is off unless switched on.
/// </summary>
public sealed partial class AdullamSimulator : ProviderSimulator
{
    private static readonly string[] KnownEvents =
    [
        "payment.created", "payment.processing", "payment.completed", "payment.failed", "payment.refunded",
        "transfer.created", "transfer.processing", "transfer.completed", "transfer.failed", "transfer.reversed",
    ];

    private readonly ConcurrentDictionary<string, (string BodyHash, string SessionId)> idempotency = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AdullamWebhook> webhooks = new(StringComparer.Ordinal);
    private readonly IOptions<SimulatorOptions> options;

    public AdullamSimulator(CallbackSender callbacks, TimeProvider time, IOptions<SimulatorOptions> options)
        : base(callbacks, time)
    {
        this.options = options;
    }

    public override string Slug => "adullam";

    public override string DisplayName => "Adullam";

    public override bool CanCancel => false;

    public override string? BackLink => "/adullam/phone";

    /// <summary>[inferred] GET /v1/checkouts/{id} is not documented; it answers only when switched on.</summary>
    public bool SingleSessionGet { get; set; }

    /// <summary>The undocumented single GET answers with some other session's body: a guess that found another endpoint's answer.</summary>
    public bool SingleSessionGetAnswersAnother { get; set; }

    /// <summary>The undocumented single GET refuses every request with this status (400, 403, 422…), as an endpoint that is not Adullam's might.</summary>
    public int? SingleSessionGetRefusesWith { get; set; }

    /// <summary>The list's order is undocumented: "newest" first (the default here) or "oldest" first.</summary>
    public string ListOrder { get; set; } = "newest";

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/adullam/v1").WithMetadata(new ProviderApiEndpoint("adullam"));
        api.MapPost("/auth/token", (HttpRequest request, AdullamSimulator simulator) => simulator.IssueTokenAsync(request));
        api.MapPost("/checkouts", (HttpRequest request, AdullamSimulator simulator) => simulator.CreateAsync(request));
        api.MapGet("/checkouts", (HttpRequest request, AdullamSimulator simulator, int? limit, int? offset, string? status) =>
            simulator.List(request, limit ?? 50, offset ?? 0, status));
        api.MapGet("/checkouts/{id}", (string id, HttpRequest request, AdullamSimulator simulator) => simulator.Get(id, request));
        api.MapPost("/webhooks", (HttpRequest request, AdullamSimulator simulator) => simulator.RegisterWebhookAsync(request));

        app.MapGet("/adullam/phone", (AdullamSimulator simulator) => Results.Content(simulator.PhonePage(), "text/html"));
        app.MapHostedPage<AdullamSimulator>("/adullam/phone/{id}", failLabel: "Decline", cancelLabel: null);
        app.MapPut("/simulator/adullam/single-session-get", (bool enabled, bool? foreign, int? refuses, AdullamSimulator simulator) =>
        {
            simulator.SingleSessionGet = enabled;
            simulator.SingleSessionGetAnswersAnother = foreign ?? false;
            simulator.SingleSessionGetRefusesWith = refuses;
            return Results.NoContent();
        });
        app.MapPut("/simulator/adullam/list-order", (string order, AdullamSimulator simulator) =>
        {
            simulator.ListOrder = order;
            return Results.NoContent();
        });
        app.MapPost("/simulator/adullam/seed", (int count, bool before, AdullamSimulator simulator) =>
        {
            simulator.Seed(count, before);
            return Results.NoContent();
        });
    }

    /// <summary>
    /// Fills the account with other customers' finished sessions, created one second apart before
    /// now (before: true) or just after it (a busy account that pushes earlier sessions down the list).
    /// </summary>
    public void Seed(int count, bool before)
    {
        var now = Time.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            var at = before ? now.AddSeconds(-(count - i)) : now.AddMilliseconds(i + 1);
            var session = new SimulatedSession($"cs_ci_seed{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}", at, at.AddMinutes(30), "expired")
            {
                Amount = 1000,
                Currency = "XOF",
                Phone = "+2250700000099",
            };
            session.Extra["payment_id"] = $"pay_seed{i}";
            session.MoveTo("expired", at, isFinal: true);
            Add(session);
        }
    }

    public override IReadOnlyList<(string Method, string Label)> PayOptions(SimulatedSession session) =>
        [("orangeCI", "Approve with Orange Money"), ("mtnCI", "Approve with MTN MoMo"), ("waveCI", "Approve with Wave")];

    public override string? Prompt(SimulatedSession session) =>
        $"Adullam: pay {session.Amount.ToString(CultureInfo.InvariantCulture)} XOF{(session.Description is { Length: > 0 } d ? $" for \"{d}\"" : string.Empty)}? Choose your wallet to approve, or decline.";

    protected override IReadOnlyList<OutgoingCallback> OnPaid(SimulatedSession session, DateTimeOffset now)
    {
        session.MoveTo("processing", now);
        var processing = Notify(session, "payment.processing", now);
        session.Extra["completed_at"] = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        session.MoveTo("completed", now, isFinal: true);
        return [.. processing, .. Notify(session, "payment.completed", now)];
    }

    protected override IReadOnlyList<OutgoingCallback> OnFailed(SimulatedSession session, DateTimeOffset now)
    {
        session.FailureReason = "Declined by customer";
        session.MoveTo("failed", now, isFinal: true);
        return Notify(session, "payment.failed", now);
    }

    protected override IReadOnlyList<OutgoingCallback> OnCancelled(SimulatedSession session, DateTimeOffset now)
    {
        session.MoveTo("cancelled", now, isFinal: true);
        return [];
    }

    // There are no checkout.* events: an expired session is only visible by lookup.
    protected override IReadOnlyList<OutgoingCallback> OnExpired(SimulatedSession session, DateTimeOffset now)
    {
        session.MoveTo("expired", now, isFinal: true);
        return [];
    }

    [GeneratedRegex(@"^\+225\d{10}$")]
    private static partial Regex IvorianPhone();

    private static IResult Error(int status, string code, string message, string? field = null) =>
        Results.Json(new { code, message, field }, statusCode: status);

    private static object View(SimulatedSession session, string? statusOverride = null) => new
    {
        id = session.Id,
        status = statusOverride ?? session.Status,
        amount = (long)session.Amount,
        currency = session.Currency,
        user_phone = session.Phone,
        payment_id = session.Extra["payment_id"],
        description = session.Description,
        created_at = session.CreatedAt.UtcDateTime,
        expires_at = session.ExpiresAt.UtcDateTime,
        completed_at = session.Extra.GetValueOrDefault("completed_at"),
        failure_reason = session.FailureReason,
        transaction_fee = (long)Math.Round(session.Amount * 0.005m),
    };

    private static JsonObject? ParseObject(string raw)
    {
        try
        {
            return JsonNode.Parse(raw) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private IReadOnlyList<OutgoingCallback> Notify(SimulatedSession session, string eventType, DateTimeOffset now)
    {
        var body = SimulatorJson.Serialize(new
        {
            id = $"evt_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}",
            type = eventType,
            created_at = now.UtcDateTime,
            data = new
            {
                id = session.Extra["payment_id"],
                checkout_id = session.Id,
                status = session.Status,
                amount = (long)session.Amount,
                currency = session.Currency,
                customer_phone = session.Phone,
                channel = session.PaidWith,
                failure_reason = session.FailureReason,
            },
        });
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return [.. webhooks.Values.Where(w => w.Events.Contains(eventType)).Select(w => new OutgoingCallback(
            w.Url,
            body,
            new Dictionary<string, string>
            {
                ["X-Adullam-Signature"] = $"t={timestamp},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(w.Secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")))}",
            }))];
    }

    private bool IsAuthorised(HttpRequest request) =>
        Tokens.IsValid(BearerToken(request) ?? request.Headers["x-auth"].ToString());

    private async Task<IResult> IssueTokenAsync(HttpRequest request)
    {
        Stats.CountTokenRequest();
        var body = await JsonBody.ReadObjectAsync(request);
        var phone = JsonBody.Text(body, "phone");
        var password = JsonBody.Text(body, "password");
        if (phone is null || !IvorianPhone().IsMatch(phone) || password is not { Length: >= 8 })
        {
            return Error(400, "invalid_request", "Phone must match the pattern for Côte d'Ivoire and password must have at least 8 characters");
        }

        if (phone != options.Value.AdullamPhone || password != options.Value.AdullamPassword)
        {
            return Error(401, "unauthorized", "Invalid credentials");
        }

        var lifetime = options.Value.AdullamTokenSeconds;
        return Results.Json(new
        {
            access_token = Tokens.Issue(TimeSpan.FromSeconds(lifetime)),
            token_type = "Bearer",
            expires_in = lifetime,
            partner_id = "partner_simulator",
        });
    }

    private async Task<IResult> CreateAsync(HttpRequest request)
    {
        if (!IsAuthorised(request))
        {
            return Error(401, "unauthorized", "Invalid or missing token");
        }

        var key = request.Headers["idempotency-key"].ToString();
        if (key.Length is 0 or > 1000)
        {
            return Error(400, "invalid_request", "idempotency-key header is required", "idempotency-key");
        }

        using var reader = new StreamReader(request.Body);
        var raw = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var body = ParseObject(raw);
        var amount = JsonBody.Number(body, "amount");
        var phone = JsonBody.Text(body, "user_phone");
        var expiresIn = JsonBody.Number(body, "expires_in") ?? 1800;
        var description = JsonBody.Text(body, "description");
        var problem = body is null ? ("body", "Request body must be a JSON object")
            : amount is not >= 100 || !JsonBody.IsWhole(amount.Value) ? ("amount", "amount must be an integer >= 100")
            : JsonBody.Text(body, "currency") != "XOF" ? ("currency", "currency must be XOF")
            : phone is null || !IvorianPhone().IsMatch(phone) ? ("user_phone", "user_phone must be +225 followed by 10 digits")
            : description is { Length: > 200 } ? ("description", "description is at most 200 characters")
            : expiresIn is < 300 or > 86400 || !JsonBody.IsWhole(expiresIn) ? ("expires_in", "expires_in must be between 300 and 86400")
            : default((string, string)?);
        if (problem is { } p)
        {
            return Error(400, "invalid_request", p.Item2, p.Item1);
        }

        var bodyHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body!.ToJsonString())));
        if (idempotency.TryGetValue(key, out var previous))
        {
            // "Session already exist": the same key replays the same session.
            return previous.BodyHash == bodyHash
                ? Results.Json(View(Sessions[previous.SessionId]), statusCode: 200)
                : Error(409, "idempotency_conflict", "idempotency-key was already used with different parameters");
        }

        Stats.CountCreate();
        var now = Time.GetUtcNow();
        var id = $"cs_ci_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        var session = new SimulatedSession(id, now, now.AddSeconds((double)expiresIn), "pending")
        {
            Amount = amount!.Value,
            Currency = "XOF",
            Phone = phone,
            Description = description,
        };
        session.Extra["payment_id"] = $"pay_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        if (!idempotency.TryAdd(key, (bodyHash, id)))
        {
            return Results.Json(View(Sessions[idempotency[key].SessionId]), statusCode: 200);
        }

        Add(session);

        // The approval prompt goes out at once, so the session is "pending" from here on.
        return Results.Json(View(session, statusOverride: "created"), statusCode: 201);
    }

    private IResult List(HttpRequest request, int limit, int offset, string? status)
    {
        if (!IsAuthorised(request))
        {
            return Error(401, "unauthorized", "Invalid or missing token");
        }

        Stats.CountStatusLookup();
        var sorted = ListOrder == "oldest" ? Known.Reverse() : Known;
        var matching = sorted.Where(s => status is null || s.Status == status).ToList();
        matching.ForEach(ExpireIfDue);
        var page = matching.Skip(offset).Take(Math.Clamp(limit, 1, 100)).ToList();
        var hasMore = offset + page.Count < matching.Count;
        return Results.Json(new
        {
            sessions = page.Select(s => View(s)),
            total_count = matching.Count,
            has_more = hasMore,
            next_offset = hasMore ? offset + page.Count : (int?)null,
        });
    }

    private IResult Get(string id, HttpRequest request)
    {
        if (!SingleSessionGet)
        {
            return Results.NotFound();
        }

        if (!IsAuthorised(request))
        {
            return Error(401, "unauthorized", "Invalid or missing token");
        }

        Stats.CountStatusLookup();
        if (SingleSessionGetRefusesWith is { } refusal)
        {
            return Error(refusal, "invalid_request", "Simulated refusal of GET /v1/checkouts/{id}");
        }

        if (SingleSessionGetAnswersAnother)
        {
            return All.FirstOrDefault(s => s.Id != id) is { } other ? Results.Json(View(other)) : Results.Json(new { });
        }

        return Find(id) is { } session ? Results.Json(View(session)) : Error(404, "not_found", "Checkout session not found");
    }

    private async Task<IResult> RegisterWebhookAsync(HttpRequest request)
    {
        if (!IsAuthorised(request))
        {
            return Error(401, "unauthorized", "Invalid or missing token");
        }

        var body = await JsonBody.ReadObjectAsync(request);
        var url = JsonBody.WebUrl(body, "url");
        var events = JsonBody.Texts(body, "events");
        var description = JsonBody.Text(body, "description");
        if (url is null || events is not { Count: > 0 } || events.Except(KnownEvents).Any() || description is { Length: > 200 })
        {
            return Error(400, "invalid_request", "url, events (documented names) and an optional description (<= 200) are required");
        }

        var now = Time.GetUtcNow();
        var webhook = new AdullamWebhook(
            $"wh_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}",
            url,
            events,
            $"whsec_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}",
            description,
            now);
        webhooks[webhook.Id] = webhook;
        return Results.Json(
            new { id = webhook.Id, url, events, status = "active", secret = webhook.Secret, description, created_at = now.UtcDateTime, updated_at = now.UtcDateTime },
            statusCode: 201);
    }

    private string PhonePage()
    {
        var waiting = All.Where(s => !s.IsFinal).ToList();
        var items = waiting.Count == 0
            ? "<p>No payment is waiting for approval.</p>"
            : string.Concat(waiting.Select(s =>
                $"<p><a href=\"/adullam/phone/{s.Id}\">{s.Amount.ToString(CultureInfo.InvariantCulture)} XOF to approve on {System.Net.WebUtility.HtmlEncode(s.Phone)}</a></p>"));
        return HostedPageEndpoints.Page("Adullam — customer phone", items);
    }
}
