using System.Globalization;
using System.Net;
using CheckoutOrchestrator.Simulators.Infrastructure;

namespace CheckoutOrchestrator.Simulators.Merchant;

/// <summary>/merchant/inbox/{merchantId}: where merchants' events land; /merchant/inbox: the page a person reads.</summary>
public static class MerchantInboxEndpoints
{
    public static void MapMerchantInbox(this IEndpointRouteBuilder app)
    {
        app.MapPost("/merchant/inbox/{merchantId}", async (string merchantId, HttpRequest request, MerchantInbox inbox) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            var delivery = await inbox.ReceiveAsync(merchantId, request.Headers["Checkout-Signature"].ToString(), body, request.HttpContext.RequestAborted);
            return Results.StatusCode(delivery.AnsweredStatus);
        });
        app.MapGet("/merchant/inbox", (MerchantInbox inbox) => Results.Content(Page(inbox), "text/html"));
        app.MapGet("/simulator/merchant/inbox", (MerchantInbox inbox) => Results.Ok(inbox.Received));
        app.MapGet("/simulator/merchant/inbox/held", (MerchantInbox inbox) => Results.Ok(inbox.Held));
        app.MapPost("/simulator/merchant/inbox/release", (MerchantInbox inbox) =>
        {
            inbox.Release();
            return Results.NoContent();
        });
        app.MapPut("/simulator/merchant/inbox/faults", (InboxFaults faults, MerchantInbox inbox) =>
        {
            inbox.Faults = faults;
            return Results.Ok(faults);
        });
        app.MapDelete("/simulator/merchant/inbox/faults", (MerchantInbox inbox) =>
        {
            inbox.Faults = new();
            inbox.Release();
            return Results.NoContent();
        });
    }

    private static string Page(MerchantInbox inbox)
    {
        var rows = inbox.Received.Reverse().Select(e =>
            "<tr>"
            + Cell(e.ReceivedAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture))
            + Cell(e.MerchantId) + Cell(e.Type) + Cell(e.CheckoutId) + Cell(e.Status) + Cell(e.EventId)
            + Cell(e.SignatureVerified ? "verified" : $"NOT verified: {e.SignatureProblem}")
            + Cell(e.AnsweredStatus.ToString(CultureInfo.InvariantCulture))
            + "</tr>");
        var table = "<table border=1 cellpadding=4><tr><th>received</th><th>merchant</th><th>event</th><th>checkout</th><th>status</th><th>event id</th><th>signature</th><th>answered</th></tr>"
            + string.Concat(rows) + "</table>";
        return HostedPageEndpoints.Page("Merchant inbox", "<p>Events the orchestrator sent to merchants, newest first.</p>" + table)
            .Replace("max-width:28rem", "max-width:90rem", StringComparison.Ordinal);
    }

    private static string Cell(string? text) => $"<td>{WebUtility.HtmlEncode(text ?? string.Empty)}</td>";
}
