using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Harness;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Simulators.Infrastructure;
using CheckoutOrchestrator.Simulators.Merchant;

namespace CheckoutOrchestrator.Reliability;

/// <summary>
/// Opens the checkouts with every fault on at once, kills the worker and restarts the API on the way,
/// lets everything settle, then holds each checkout against the simulators' truth.
/// </summary>
public sealed partial class ChaosRun
{
    private readonly ChaosSettings settings;
    private readonly SeparateHosts stack;
    private readonly HttpClient simulator;

    public ChaosRun(ChaosSettings settings, SeparateHosts stack, HttpClient simulator)
    {
        this.settings = settings;
        this.stack = stack;
        this.simulator = simulator;
    }

    public async Task<ChaosReport> RunAsync(BadInputReport badInput)
    {
        await SetFaultsAsync();
        using var api = new ApiClient(stack.ApiUrl, ChaosSettings.Merchant.ApiKey);
        using var customer = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var driver = new CheckoutDriver(api, customer, stack.SimulatorUrl, settings);
        var runId = $"chaos-{DateTime.UtcNow:yyyyMMddHHmmss}";
        var opened = 0;
        var runs = new List<Task<DrivenCheckout>>();
        var restarts = RestartPartsAsync(() => Volatile.Read(ref opened));
        for (var i = 0; i < settings.Checkouts; i++)
        {
            runs.Add(driver.RunAsync(i, ChaosReport.Providers[i % ChaosReport.Providers.Count], FateOf(i), runId));
            Interlocked.Increment(ref opened);
            await Task.Delay(1000 / settings.OpenPerSecond);
        }

        await restarts;
        var driven = await Task.WhenAll(runs);
        Console.WriteLine($"All {driven.Length} checkouts driven; letting retries and notifications settle.");
        await ClearFaultsAsync();
        await Task.Delay(TimeSpan.FromSeconds(20));
        return await JudgeAsync(driven, api, badInput);
    }

    /// <summary>Checkouts go round the five providers, so each fate, a row of five, meets every provider.</summary>
    private static Fate FateOf(int index) => ((index / ChaosReport.Providers.Count) % 12) switch
    {
        < 5 or 11 => Fate.Pays,
        5 => Fate.Fails,
        6 => Fate.Abandons,
        7 => Fate.PaysAfterTheEnd,
        8 or 9 => Fate.PaysAsTheMerchantCancels,
        _ => Fate.FailsThenPaysUnheard,
    };

    private static async Task WaitForAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(100);
        }
    }

    /// <summary>The checkout's state an event told: one event id per state, however often it was delivered.</summary>
    /// <summary>What one event says: a needs-review event is about its reason (two reasons found at once are two events).</summary>
    private static (string? CheckoutId, string? Type, string? Status, string? Reason, bool Late) StateOf(ReceivedEvent received)
    {
        var body = JsonDocument.Parse(received.Body).RootElement;
        var checkout = body.GetProperty("checkout");
        var reason = body.TryGetProperty("reason", out var r) ? r.GetString() : null;
        return (received.CheckoutId, received.Type, checkout.GetProperty("status").GetString(), reason, checkout.GetProperty("latePayment").ValueKind == JsonValueKind.Object);
    }

    /// <summary>
    /// A payment at the edges of time, which must end paid or as a recorded late payment. A retry whose
    /// callbacks were lost counts only where a lookup exists: at Chpter nothing but a callback can tell.
    /// </summary>
    private static bool IsEdgePayment(DrivenCheckout checkout, JsonElement? session) =>
        session is { } paid && paid.GetProperty("paidAt").ValueKind == JsonValueKind.String
        && (checkout.Fate == Fate.PaysAsTheMerchantCancels
            || (checkout.Fate == Fate.FailsThenPaysUnheard && ProviderProfiles.For(checkout.Provider).Capabilities.StatusLookup));

    private static JsonElement? Find(Dictionary<string, JsonElement> sessions, PaymentProvider provider, JsonElement view, string field) =>
        view.GetProperty(field).GetString() is { } key && sessions.TryGetValue($"{provider}:{key}", out var session) ? session : null;

    private static string Shorten(string? note) => note is null ? string.Empty : note.Length <= 110 ? note : note[..110] + "…";

    [GeneratedRegex(@"-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex AttemptSuffix();

    private async Task SetFaultsAsync()
    {
        foreach (var provider in ChaosReport.Providers)
        {
            await simulator.PutAsJsonAsync($"/simulator/{provider.ToSlug()}/faults", new FaultSettings
            {
                FailRate = settings.ProviderErrorRate,
                FailStatus = 503,
                HangRate = settings.ProviderTimeoutRate,
                DuplicateCallbacks = settings.ExtraCallbackDeliveries,
                DropRate = settings.DroppedCallbackRate,
                OutOfOrderRate = settings.OutOfOrderRate,
                ForgeRate = settings.ForgedRate,
                AnswerDelayMs = settings.ProviderAnswerDelayMs,
            });
        }

        await simulator.PutAsJsonAsync("/simulator/merchant/inbox/faults", new InboxFaults { FailNext = settings.MerchantEndpointFailures });
    }

    private async Task ClearFaultsAsync()
    {
        foreach (var provider in ChaosReport.Providers)
        {
            await simulator.DeleteAsync(new Uri($"/simulator/{provider.ToSlug()}/faults", UriKind.Relative));
        }
    }

    private async Task RestartPartsAsync(Func<int> opened)
    {
        if (settings.KillWorker)
        {
            await KillAndRestartAsync(stack.Worker, "worker", opened, 35, TimeSpan.FromSeconds(3));
        }

        if (settings.RestartApi)
        {
            await KillAndRestartAsync(stack.Api, "API", opened, 65, TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>SIGKILLs a host once that share of the checkouts is open, and starts it again after a pause.</summary>
    private async Task KillAndRestartAsync(ChildHost host, string name, Func<int> opened, int percentOpen, TimeSpan pause)
    {
        await WaitForAsync(() => opened() >= settings.Checkouts * percentOpen / 100);
        Console.WriteLine($"SIGKILL {name}");
        host.Kill();
        await Task.Delay(pause);
        await host.StartAsync();
    }

    private async Task<ChaosReport> JudgeAsync(DrivenCheckout[] driven, ApiClient api, BadInputReport badInput)
    {
        var sessions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var sessionsPerReference = new Dictionary<string, (int Opened, int Paid)>(StringComparer.Ordinal);
        var forgeries = new List<JsonElement>();
        foreach (var provider in ChaosReport.Providers)
        {
            foreach (var session in (await simulator.GetFromJsonAsync<JsonElement>($"/simulator/{provider.ToSlug()}/sessions")).EnumerateArray())
            {
                sessions[$"{provider}:{session.GetProperty("id").GetString()}"] = session;
                if (session.GetProperty("reference").GetString() is { } reference)
                {
                    sessions.TryAdd($"{provider}:{reference}", session);
                    // A create retried with a fresh reference (LakiPay, Waftpay) appends "-<attempt>".
                    var checkout = $"{provider}:{AttemptSuffix().Replace(reference, string.Empty)}";
                    var (opened, paid) = sessionsPerReference.GetValueOrDefault(checkout);
                    sessionsPerReference[checkout] = (opened + 1, paid + (session.GetProperty("paidAt").ValueKind == JsonValueKind.String ? 1 : 0));
                }
            }

            forgeries.AddRange((await simulator.GetFromJsonAsync<JsonElement>($"/simulator/{provider.ToSlug()}/callbacks")).EnumerateArray()
                .Where(c => c.GetProperty("forgery").ValueKind == JsonValueKind.String));
        }

        var inbox = await simulator.GetFromJsonAsync<List<ReceivedEvent>>("/simulator/merchant/inbox") ?? [];
        var verdicts = new ConcurrentDictionary<string, int>();
        var statuses = new ConcurrentDictionary<string, int>();
        var times = new ConcurrentDictionary<string, List<double>>();
        var reviews = new List<string>();
        var failures = new List<string>();
        var notNotified = 0;
        var (edgePayments, edgeEndedUnpaid) = (0, 0);
        var attention = new List<string>();
        var paidAtProvider = new HashSet<string>(StringComparer.Ordinal);
        foreach (var checkout in driven)
        {
            JsonElement? view = null;
            if (checkout.CheckoutId is { } id)
            {
                view = await api.CallAsync(client => client.GetAsync(id));
            }

            JsonElement? session = view is { } v && (Find(sessions, checkout.Provider, v, "providerSessionId") ?? Find(sessions, checkout.Provider, v, "providerReference")) is { } s ? s : null;
            var verdict = Verdicts.Of(view, session);
            if (checkout.CheckoutId is { } paidId && session?.GetProperty("paidAt").ValueKind == JsonValueKind.String)
            {
                paidAtProvider.Add(paidId);
            }
            verdicts.AddOrUpdate(verdict, 1, (_, n) => n + 1);
            if (Verdicts.Failures.Contains(verdict))
            {
                failures.Add($"{checkout.CheckoutId} ({checkout.Provider}, {checkout.Fate}): {verdict}");
            }

            if (verdict is not (Verdicts.Correct or Verdicts.NotOpened))
            {
                attention.Add($"{checkout.CheckoutId} ({checkout.Provider}, {checkout.Fate}): {verdict}; {string.Join(" | ", view?.GetProperty("reviewNotes").EnumerateArray().Select(n => n.GetProperty("note").GetString()) ?? [])}");
            }

            if (view is not { } final)
            {
                continue;
            }

            var finalStatus = final.GetProperty("status").GetString()!;
            if (IsEdgePayment(checkout, session))
            {
                edgePayments++;
                if (finalStatus != "succeeded" && final.GetProperty("latePayment").ValueKind != JsonValueKind.Object)
                {
                    edgeEndedUnpaid++;
                    failures.Add($"{checkout.CheckoutId} ({checkout.Provider}, {checkout.Fate}): paid, ended {finalStatus} without a late payment");
                }
            }

            statuses.AddOrUpdate(finalStatus, 1, (_, n) => n + 1);
            if (final.GetProperty("completedAt").GetString() is { } completed)
            {
                var seconds = (DateTimeOffset.Parse(completed, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.Parse(final.GetProperty("createdAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).TotalSeconds;
                times.GetOrAdd($"{finalStatus} by {Verdicts.PathOf(final)}", _ => []).Add(seconds);
            }

            reviews.AddRange(final.GetProperty("reviewNotes").EnumerateArray().Select(n => $"{checkout.Provider}: {Shorten(n.GetProperty("note").GetString())}"));
            if (!inbox.Any(e => e.CheckoutId == checkout.CheckoutId && e.Status == finalStatus && e.SignatureVerified))
            {
                notNotified++;
                failures.Add($"{checkout.CheckoutId}: the merchant never received its {finalStatus} event");
            }
        }

        var reviewRound = await ReviewRound.RunAsync(stack.ApiUrl, ChaosSettings.Merchant.Id, paidAtProvider.Contains);
        if (reviewRound.LeftOnQueue > 0 || reviewRound.Refused.Count > 0)
        {
            failures.Add($"The review queue did not empty: {reviewRound.LeftOnQueue} checkouts left after {reviewRound.Resolved} resolutions");
            failures.AddRange(reviewRound.Refused.Select(r => $"resolution refused: {r}"));
        }

        var succeededTwice = inbox.Where(e => e.Type == "checkout.succeeded").GroupBy(e => e.CheckoutId).Count(g => g.Select(e => e.EventId).Distinct().Count() > 1);
        var repeatedIds = inbox.GroupBy(StateOf).Count(g => g.Select(e => e.EventId).Distinct().Count() > 1);
        var answers = api.Answers.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count());
        var serverErrors = api.Answers.Count(a => a.Status >= 500 && a.Status is not (502 or 503));
        var report = new ChaosReport
        {
            TemporalServer = stack.TemporalServer,
            Machine = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
            Settings = settings,
            Checkouts = driven.Length,
            Verdicts = new(verdicts),
            FinalStatuses = new(statuses),
            Lost = verdicts.GetValueOrDefault(Verdicts.Lost),
            EdgePayments = edgePayments,
            EdgePaymentsEndedUnpaid = edgeEndedUnpaid,
            SucceededTwice = succeededTwice,
            ForgedAccepted = verdicts.GetValueOrDefault(Verdicts.FalseSuccess) + verdicts.GetValueOrDefault(Verdicts.FalseLatePayment) + verdicts.GetValueOrDefault(Verdicts.WrongAmount),
            ForgeriesSent = forgeries.GroupBy(f => f.GetProperty("forgery").GetString()!).ToDictionary(g => g.Key, g => g.Count()),
            SecondSessions = sessionsPerReference.Count(r => r.Value.Paid > 1),
            SessionsOpenedAgain = sessionsPerReference.Count(r => r.Value.Opened > 1),
            FinalCheckoutsNotNotified = notNotified,
            EventIdsRepeatedPerState = repeatedIds,
            ApiAnswers = answers,
            ServerErrors = serverErrors,
            TimeToFinalSeconds = times.ToDictionary(t => t.Key, t => Percentiles.Of(t.Value)),
            ReviewReasons = reviews,
            Reviews = reviewRound,
            Attention = attention,
            Failures = failures,
            BadInput = badInput,
            WorkerKills = stack.Worker.Starts - 1,
            ApiRestarts = stack.Api.Starts - 1,
        };
        if (succeededTwice + repeatedIds + serverErrors + report.SecondSessions + badInput.ServerErrors + badInput.NotProblemDetails + badInput.ProviderCalls > 0)
        {
            failures.Add("An invariant above is not zero.");
            failures.AddRange(badInput.Offenders.Select(o => $"bad input: {o}"));
        }

        return report;
    }
}
