using System.Globalization;
using System.Text;
using System.Text.Json;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Harness;

namespace CheckoutOrchestrator.Reliability;

/// <summary>What a reliability run found: invariants first, then how checkouts ended and how fast.</summary>
public sealed record ChaosReport
{
    public required string TemporalServer { get; init; }

    public required string Machine { get; init; }

    public required ChaosSettings Settings { get; init; }

    public required int Checkouts { get; init; }

    public required Dictionary<string, int> Verdicts { get; init; }

    public required Dictionary<string, int> FinalStatuses { get; init; }

    public required int Lost { get; init; }

    /// <summary>Customers who paid as the merchant cancelled, or after a failed attempt with the paid one's callbacks lost (where a lookup exists).</summary>
    public required int EdgePayments { get; init; }

    /// <summary>Of <see cref="EdgePayments"/>, checkouts that ended cancelled, failed or expired without a recorded late payment.</summary>
    public required int EdgePaymentsEndedUnpaid { get; init; }

    public required int SucceededTwice { get; init; }

    public required int ForgedAccepted { get; init; }

    public required Dictionary<string, int> ForgeriesSent { get; init; }

    /// <summary>Checkouts whose customer paid two of their provider sessions.</summary>
    public required int SecondSessions { get; init; }

    /// <summary>Checkouts whose create was retried after a lost answer: the first session's page never reached anyone.</summary>
    public required int SessionsOpenedAgain { get; init; }

    public required int FinalCheckoutsNotNotified { get; init; }

    public required int EventIdsRepeatedPerState { get; init; }

    public required Dictionary<int, int> ApiAnswers { get; init; }

    public required int ServerErrors { get; init; }

    public required Dictionary<string, Percentiles> TimeToFinalSeconds { get; init; }

    public required List<string> ReviewReasons { get; init; }

    /// <summary>The operator's round: every review resolved through the API until the queue is empty.</summary>
    public required ReviewRoundReport Reviews { get; init; }

    public required List<string> Failures { get; init; }

    /// <summary>Checkouts whose end is acceptable but not plain: paid and on review, or waiting for the watch.</summary>
    public required List<string> Attention { get; init; }

    public required BadInputReport BadInput { get; init; }

    public required int WorkerKills { get; init; }

    public required int ApiRestarts { get; init; }

    public static IReadOnlyList<PaymentProvider> Providers { get; } = Enum.GetValues<PaymentProvider>();

    public static JsonSerializerOptions Json { get; } = new() { WriteIndented = true };

    public bool Passed => Failures.Count == 0;

    public string ToTable()
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Reliability run: {Checkouts} checkouts on {TemporalServer}; {Machine}")
            .AppendLine(CultureInfo.InvariantCulture, $"Faults: {Settings.ProviderErrorRate:P0} provider 5xx, {Settings.ProviderTimeoutRate:P0} timeouts, every callback x{1 + Settings.ExtraCallbackDeliveries}, {Settings.DroppedCallbackRate:P0} dropped, {Settings.OutOfOrderRate:P0} out of order, {Settings.ForgedRate:P0} forged, merchant endpoint down for {Settings.MerchantEndpointFailures} deliveries, worker SIGKILLed {WorkerKills}x, API restarted {ApiRestarts}x")
            .AppendLine()
            .AppendLine("| Invariant | Found |")
            .AppendLine("|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| lost payments | {Lost} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| paid as the merchant cancelled, or after a failed attempt unheard, ended unpaid without a late payment (of {EdgePayments} paid) | {EdgePaymentsEndedUnpaid} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| succeeded twice | {SucceededTwice} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| forged events accepted (of {ForgeriesSent.Values.Sum()} sent) | {ForgedAccepted} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| a second provider session paid for a checkout | {SecondSessions} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| final checkouts whose merchant was never notified | {FinalCheckoutsNotNotified} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| event ids delivered for the same state twice | {EventIdsRepeatedPerState} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| API answers >= 500 other than 502/503 | {ServerErrors} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| bad inputs answered >= 500 / without problem details / reaching a provider (of {BadInput.Inputs}) | {BadInput.ServerErrors} / {BadInput.NotProblemDetails} / {BadInput.ProviderCalls} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| bad inputs refused by Kestrel before the API (plain 400) | {BadInput.RefusedByServer} |")
            .AppendLine()
            .AppendLine("| Verdict | Checkouts |")
            .AppendLine("|---|---|");
        foreach (var (verdict, count) in Verdicts.OrderByDescending(v => v.Value))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {verdict} | {count} |");
        }

        text.AppendLine().AppendLine("| Path to final state | Checkouts | p50 s | p99 s |").AppendLine("|---|---|---|---|");
        foreach (var (path, p) in TimeToFinalSeconds.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {path} | {p.Count} | {p.P50:F1} | {p.P99:F1} |");
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Final statuses: {string.Join(", ", FinalStatuses.Select(s => $"{s.Key} {s.Value}"))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Creates retried after a lost answer (a session nobody saw, then one the customer got): {SessionsOpenedAgain}");
        text.AppendLine(CultureInfo.InvariantCulture, $"API answers: {string.Join(", ", ApiAnswers.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value}"))}");
        if (ReviewReasons.Count > 0)
        {
            text.AppendLine("On review (by design: evidence nobody could confirm or refute):");
            foreach (var reason in ReviewReasons.GroupBy(r => r).OrderByDescending(g => g.Count()))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {reason.Count()} x {reason.Key}");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Reviews resolved by the operator: {Reviews.Resolved}; checkouts left on the queue: {Reviews.LeftOnQueue}");
        foreach (var line in Attention)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  attention: {line}");
        }

        text.AppendLine(Passed ? "PASSED" : "FAILED:");
        foreach (var failure in Failures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {failure}");
        }

        return text.ToString();
    }
}

/// <summary><paramref name="RefusedByServer"/>: refused by Kestrel itself, before the API's code (a NUL in the path).</summary>
public sealed record BadInputReport(int Inputs, int ServerErrors, int NotProblemDetails, int RefusedByServer, int ProviderCalls, List<string> Offenders);
