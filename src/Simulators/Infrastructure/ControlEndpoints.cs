namespace CheckoutOrchestrator.Simulators.Infrastructure;

/// <summary>/simulator: switch faults, read counters and deliveries, revoke tokens.</summary>
public static class ControlEndpoints
{
    public static void MapSimulatorControl(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/simulator");

        control.MapGet("/", (IEnumerable<ProviderSimulator> simulators) => Results.Content(IndexPage(simulators), "text/html"));

        var provider = control.MapGroup("/{provider}");
        provider.MapGet("/faults", (string provider, FaultSwitchboard faults) => Results.Ok(faults.Get(provider)));
        provider.MapPut("/faults", (string provider, FaultSettings settings, FaultSwitchboard faults) =>
        {
            faults.Set(provider, settings);
            return Results.Ok(settings);
        });
        provider.MapDelete("/faults", (string provider, FaultSwitchboard faults) =>
        {
            faults.Clear(provider);
            return Results.NoContent();
        });

        // The index page's buttons: a person switches a provider's creates off and on in the dev run.
        provider.MapPost("/faults/fail-creates", (string provider, FaultSwitchboard faults) =>
        {
            faults.Set(provider, new FaultSettings { FailNext = int.MaxValue, FailStatus = 503, PathContains = "checkout", Method = HttpMethods.Post });
            return Results.Redirect("/simulator");
        });
        provider.MapPost("/faults/clear", (string provider, FaultSwitchboard faults) =>
        {
            faults.Clear(provider);
            return Results.Redirect("/simulator");
        });
        provider.MapGet("/stats", (string provider, IEnumerable<ProviderSimulator> simulators) =>
            Find(simulators, provider) is { } s
                ? Results.Ok(new { tokenRequests = s.Stats.TokenRequests, creates = s.Stats.Creates, statusLookups = s.Stats.StatusLookups, sessions = s.All.Count() })
                : Results.NotFound());
        provider.MapGet("/sessions", (string provider, IEnumerable<ProviderSimulator> simulators) =>
            Find(simulators, provider) is { } s
                ? Results.Ok(s.All.Select(x => new { x.Id, x.Reference, x.Amount, x.Currency, x.Status, x.PaidWith, x.PaidAt, x.CreatedAt, x.ExpiresAt, x.UpdatedAt, CallbackUrl = x.CallbackUrl?.AbsoluteUri }))
                : Results.NotFound());
        provider.MapGet("/callbacks", (string provider, CallbackSender sender) =>
            Results.Ok(sender.Deliveries(provider).Select(d => new { url = d.Url, body = d.Body, status = d.ResponseStatus, at = d.At, forgery = d.Forgery })));
        provider.MapPut("/page", (string provider, bool retryAfterFailure, IEnumerable<ProviderSimulator> simulators) =>
        {
            if (Find(simulators, provider) is not { } s)
            {
                return Results.NotFound();
            }

            s.RetryAfterFailure = retryAfterFailure;
            return Results.NoContent();
        });
        provider.MapPut("/lookup", (string provider, bool forgets, IEnumerable<ProviderSimulator> simulators) =>
        {
            if (Find(simulators, provider) is not { } s)
            {
                return Results.NotFound();
            }

            s.LookupForgets = forgets;
            return Results.NoContent();
        });
        provider.MapPost("/revoke-tokens", (string provider, IEnumerable<ProviderSimulator> simulators) =>
        {
            if (Find(simulators, provider) is not { } s)
            {
                return Results.NotFound();
            }

            s.Tokens.RevokeAll();
            return Results.NoContent();
        });
    }

    private static string IndexPage(IEnumerable<ProviderSimulator> simulators)
    {
        var sections = simulators.Select(s =>
            $"<h2>{s.DisplayName}</h2><p><a href=\"/simulator/{s.Slug}/sessions\">sessions</a> · "
            + $"<a href=\"/simulator/{s.Slug}/callbacks\">callbacks</a> · <a href=\"/simulator/{s.Slug}/faults\">faults</a> · "
            + $"<a href=\"/simulator/{s.Slug}/stats\">stats</a></p>"
            + $"<form method=post action=\"/simulator/{s.Slug}/faults/fail-creates\"><button>Fail every create (503)</button></form>"
            + $"<form method=post action=\"/simulator/{s.Slug}/faults/clear\"><button>Clear faults</button></form>");
        return HostedPageEndpoints.Page(
            "Provider simulators",
            string.Concat(sections) + "<p><a href=\"/adullam/phone\">Adullam customer phone</a> · <a href=\"/merchant/inbox\">Merchant inbox</a></p>");
    }

    private static ProviderSimulator? Find(IEnumerable<ProviderSimulator> simulators, string slug) =>
        simulators.FirstOrDefault(s => string.Equals(s.Slug, slug, StringComparison.OrdinalIgnoreCase));
}
