using System.Security.Cryptography;
using CheckoutOrchestrator.Simulators.Infrastructure;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Simulators.Chpter;

/// <summary>
/// Chpter's legacy Payment Redirect API: "Authorization: Token …" plus a domain header, nested
/// customer_details / amount / redirect_urls with string amounts, no status API, unsigned
/// callbacks exactly as documented — including the card success that says paid "False".
/// </summary>
public sealed class ChpterSimulator : ProviderSimulator
{
    private readonly IOptions<SimulatorOptions> options;

    public ChpterSimulator(CallbackSender callbacks, TimeProvider time, IOptions<SimulatorOptions> options)
        : base(callbacks, time)
    {
        this.options = options;
    }

    public override string Slug => "chpter";

    public override string DisplayName => "chpter.";

    /// <summary>
    /// How refusals are answered: "legacy" (the documented redirect API: HTTP 4xx with a message), or
    /// "v3-on-200" (Chpter 3.0's {"message", "success": false, "status": 4xx}, carried on HTTP 200).
    /// </summary>
    public string ErrorFormat { get; set; } = "legacy";

    /// <summary>Which of Chpter's two failure payloads a failed attempt sends: "MPESA" (the default) or "CARD" (its documented card failure).</summary>
    public string FailureMethod { get; set; } = "MPESA";

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/chpter").WithMetadata(new ProviderApiEndpoint("chpter"));
        api.MapPost("/checkout.sessions/hosted/redirect/session", (HttpRequest request, ChpterSimulator simulator) => simulator.CreateAsync(request));
        app.MapHostedPage<ChpterSimulator>("/chpter/checkout.sessions/hosted/session/{id}");
        app.MapPut("/simulator/chpter/errors", (string format, ChpterSimulator simulator) =>
        {
            simulator.ErrorFormat = format;
            return Results.NoContent();
        });
        app.MapPut("/simulator/chpter/failures", (string method, ChpterSimulator simulator) =>
        {
            simulator.FailureMethod = method;
            return Results.NoContent();
        });
    }

    public override IReadOnlyList<(string Method, string Label)> PayOptions(SimulatedSession session) =>
        [("MPESA", "Pay with M-PESA"), ("CARD", "Pay with card")];

    // Chpter's create carries no description (its documents show none): its page names the order and the customer.
    public override string PageLine(SimulatedSession session) => $"Order {session.Reference} for {session.CustomerName}";

    protected override IReadOnlyList<OutgoingCallback> OnPaid(SimulatedSession session, DateTimeOffset now)
    {
        session.MoveTo("paid", now, isFinal: true);
        var card = session.PaidWith == "CARD";
        // The documented card success payload really carries paid "False".
        return Notify(session, card ? "CARD" : "MPESA", card ? "False" : "True", card ? "Card Payment Successful" : "M-PESA Payment Successful", "Payment complete.");
    }

    protected override IReadOnlyList<OutgoingCallback> OnFailed(SimulatedSession session, DateTimeOffset now)
    {
        session.MoveTo("failed", now, isFinal: true);
        return Notify(session, FailureMethod, "False", "Insufficient funds", "Payment Incomplete.");
    }

    // [inferred] No callback is documented for a customer who walks away.
    protected override IReadOnlyList<OutgoingCallback> OnCancelled(SimulatedSession session, DateTimeOffset now)
    {
        session.MoveTo("cancelled", now, isFinal: true);
        return [];
    }

    protected override IReadOnlyList<OutgoingCallback> OnExpired(SimulatedSession session, DateTimeOffset now)
    {
        session.MoveTo("expired", now, isFinal: true);
        return [];
    }

    private static bool IsPositiveInteger(string? text, bool allowZero) =>
        long.TryParse(text, out var value) && (value > 0 || (allowZero && value == 0)) && text!.All(char.IsAsciiDigit);

    private static IReadOnlyList<OutgoingCallback> Notify(SimulatedSession session, string method, string paid, string message, string paymentStatus) =>
        session.CallbackUrl is null
            ? []
            : [new OutgoingCallback(session.CallbackUrl, SimulatorJson.Serialize(new
            {
                payment_method = method,
                paid,
                response_status = 200,
                order_id = session.Reference,
                message,
                amount = session.Extra["total"],
                payment_status = paymentStatus,
            }))];

    private IResult Error(int status, string message) => ErrorFormat == "v3-on-200"
        ? Results.Json(new { message, success = false, status }, statusCode: 200)
        : Results.Json(new { message, status = false }, statusCode: status);

    private async Task<IResult> CreateAsync(HttpRequest request)
    {
        if (request.Headers.Authorization != $"Token {options.Value.ChpterApiToken}" || request.Headers["domain"] != options.Value.ChpterDomain)
        {
            return Error(401, "Invalid authentication credentials");
        }

        var body = await JsonBody.ReadObjectAsync(request);
        var customer = body?["customer_details"];
        var amount = body?["amount"];
        var urls = body?["redirect_urls"];
        var phone = JsonBody.Text(customer, "phone_number");
        var problem = body is null ? "invalid payload"
            : string.IsNullOrWhiteSpace(JsonBody.Text(customer, "full_name")) ? "customer_details.full_name is required"
            : phone is null || phone.Length != 12 || !(phone.StartsWith("2547", StringComparison.Ordinal) || phone.StartsWith("2541", StringComparison.Ordinal)) || !phone.All(char.IsAsciiDigit)
                ? "customer_details.phone_number must be 2547xxxxxxxx or 2541xxxxxxxx"
            : string.IsNullOrWhiteSpace(JsonBody.Text(customer, "email")) ? "customer_details.email is required"
            : string.IsNullOrWhiteSpace(JsonBody.Text(amount, "order_id")) && JsonBody.Number(amount, "order_id") is null ? "amount.order_id is required"
            : !int.TryParse(JsonBody.Text(amount, "order_id") ?? JsonBody.Number(amount, "order_id")?.ToString(System.Globalization.CultureInfo.InvariantCulture), out var orderNumber) || orderNumber <= 0
                ? "amount.order_id must be a positive integer"
            : !IsPositiveInteger(JsonBody.Text(amount, "total"), allowZero: false) ? "amount.total must be a positive integer string"
            : !IsPositiveInteger(JsonBody.Text(amount, "delivery_fee"), allowZero: true) || !IsPositiveInteger(JsonBody.Text(amount, "discount_fee"), allowZero: true)
                ? "amount.delivery_fee and amount.discount_fee must be integer strings"
            : JsonBody.Text(amount, "currency") is not { Length: 3 } ? "amount.currency must be a 3 character code"
            : JsonBody.WebUrl(urls, "success_url") is null || JsonBody.WebUrl(urls, "failed_url") is null || JsonBody.WebUrl(urls, "callback_url") is null
                ? "redirect_urls.success_url, failed_url and callback_url must start with http or https"
            : null;
        if (problem is not null)
        {
            return Error(400, problem);
        }

        Stats.CountCreate();
        var now = Time.GetUtcNow();
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(13)).Replace('+', 'x').Replace('/', 'y').TrimEnd('=');
        var orderId = JsonBody.Text(amount, "order_id") ?? amount!["order_id"]!.ToJsonString();
        var session = Add(new SimulatedSession(id, now, now.AddMinutes(options.Value.DefaultSessionMinutes), "created")
        {
            Amount = decimal.Parse(JsonBody.Text(amount, "total")!, System.Globalization.CultureInfo.InvariantCulture),
            Currency = JsonBody.Text(amount, "currency")!,
            Reference = orderId,
            Phone = phone,
            Email = JsonBody.Text(customer, "email"),
            CustomerName = JsonBody.Text(customer, "full_name"),
            CallbackUrl = JsonBody.WebUrl(urls, "callback_url"),
            SuccessUrl = JsonBody.WebUrl(urls, "success_url"),
            FailureUrl = JsonBody.WebUrl(urls, "failed_url"),
        });
        session.Extra["total"] = JsonBody.Text(amount, "total")!;

        return Results.Json(new
        {
            checkout_link = $"{Origin(request)}/chpter/checkout.sessions/hosted/session/{id}",
            status = true,
            order_id = orderId,
        });
    }
}
