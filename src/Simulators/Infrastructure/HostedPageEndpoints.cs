using System.Text;
using System.Text.Encodings.Web;

namespace CheckoutOrchestrator.Simulators.Infrastructure;

/// <summary>
/// The page a customer opens: the session's amount and one button per way to pay, plus Fail and
/// Cancel. A click posts a form, the provider sends its callbacks, and the customer is redirected.
/// </summary>
public static class HostedPageEndpoints
{
    public static void MapHostedPage<TSimulator>(this IEndpointRouteBuilder app, string pattern, string failLabel = "Fail", string? cancelLabel = "Cancel")
        where TSimulator : ProviderSimulator
    {
        app.MapGet(pattern, (string id, TSimulator simulator, HttpRequest request) =>
            simulator.FindForPage(id) is { } session
                ? Results.Content(Render(simulator, session, request.Path, failLabel, simulator.CanCancel ? cancelLabel : null), "text/html")
                : Results.NotFound());

        app.MapPost($"{pattern}/{{choice}}", async (string id, string choice, TSimulator simulator, HttpRequest request) =>
        {
            if (simulator.FindForPage(id) is not { } session || !Enum.TryParse<CustomerChoice>(choice, ignoreCase: true, out var decision))
            {
                return Results.NotFound();
            }

            var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : null;
            var (applied, redirect) = simulator.Decide(session, decision, CustomerClick.From(form));
            return redirect is not null
                ? Results.Redirect(redirect.AbsoluteUri, permanent: false, preserveMethod: false)
                : Results.Content(Page(simulator.DisplayName, $"<p>Payment {(applied ? "is now" : "was already")} {Html(session.Status)}.</p>{Back(simulator)}"), "text/html");
        });
    }

    public static string Page(string title, string body) =>
        $"<!doctype html><html><head><meta charset=utf-8><title>{Html(title)} (simulator)</title>"
        + "<style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto}button{width:100%;padding:.7rem;margin:.3rem 0;font-size:1rem}"
        + ".pay{background:#1b7f3b;color:#fff}.fail{background:#a61b1b;color:#fff}.amount{font-size:2rem}</style></head>"
        + $"<body><h1>{Html(title)}</h1><p><i>Simulated provider: no money moves.</i></p>{body}</body></html>";

    private static string Render(ProviderSimulator simulator, SimulatedSession session, string path, string failLabel, string? cancelLabel)
    {
        var body = new StringBuilder();
        body.Append($"<p class=amount>{Html(session.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture))} {Html(session.Currency)}</p>");
        body.Append($"<p>{Html(simulator.PageLine(session))}</p><p>Status: <b>{Html(session.Status)}</b></p>");
        if (!session.IsFinal)
        {
            if (simulator.Prompt(session) is { } prompt)
            {
                body.Append($"<p class=prompt><b>{Html(prompt)}</b></p>");
            }

            foreach (var (method, label) in simulator.PayOptions(session))
            {
                body.Append($"<form method=post action=\"{Html(path)}/pay\"><input type=hidden name=method value=\"{Html(method)}\"><button class=pay>{Html(label)}</button></form>");
            }

            body.Append($"<form method=post action=\"{Html(path)}/fail\"><button class=fail>{Html(failLabel)}</button></form>");
            if (cancelLabel is not null)
            {
                body.Append($"<form method=post action=\"{Html(path)}/cancel\"><button>{Html(cancelLabel)}</button></form>");
            }
        }

        return Page(simulator.DisplayName, body.Append(Back(simulator)).ToString());
    }

    private static string Back(ProviderSimulator simulator) =>
        simulator.BackLink is { } back ? $"<p><a href=\"{Html(back)}\">Back</a></p>" : string.Empty;

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);
}
