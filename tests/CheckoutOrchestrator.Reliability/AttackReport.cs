using System.Globalization;
using System.Text;

namespace CheckoutOrchestrator.Reliability;

/// <summary>Another merchant's Adullam create during a burst and a hint flood: its prompt's wait, and the burst's creates refused past the share.</summary>
public sealed record BudgetFigures(bool Prompted, double PromptSeconds, int BurstRefused, int SharePerMinute, int HintsSent)
{
    /// <summary>The guarantee docs/providers.md states: a third of a minute, the time a burst takes to drain its share; 5 s for the create itself.</summary>
    public bool Held => Prompted && PromptSeconds < 25 && BurstRefused >= 30 - SharePerMinute - 1 && BurstRefused <= 30 - SharePerMinute;
}

/// <summary>Routed KES checkouts opened after token-less hints bought lookups during a spell of 429s: where they opened.</summary>
public sealed record RoutingFigures(int HintsSent, int Routed, int AtKiotapay)
{
    public bool Held => AtKiotapay == Routed;
}

/// <summary>One checkout's callbacks repeated by its provider: bodies sent, how it ended, its runs and the longest run's history.</summary>
public sealed record FloodFigures(int Bodies, string Final, int Runs, int LongestHistory)
{
    /// <summary>Every run continues as new soon after the server suggests it: a run never grows past twice the suggestion.</summary>
    public bool Held => Final == "succeeded" && LongestHistory <= 2 * AttackRun.SuggestContinueAsNewAt;
}

/// <summary>Token-less bodies naming unknown ids while a genuine checkout is paid: 5xx answers, how it ended, and how long its callbacks took.</summary>
public sealed record UnmatchedFigures(int Bodies, int ServerErrors, string Final, double PaidSeconds)
{
    /// <summary>The genuine webhook is found and believed while the flood runs, not at the next poll (15 minutes).</summary>
    public bool Held => ServerErrors == 0 && Final == "succeeded" && PaidSeconds < 10;
}

/// <summary>
/// Slow and over-declared bodies on every door: how many were sent, answered 5xx, cut without an
/// answer, the statuses seen; and the stack-trace lines the API logged over the whole run.
/// </summary>
public sealed record DoorFigures(int Sent, int ServerErrors, int Cut, string Statuses, int StackTraceLines)
{
    public bool Held => ServerErrors == 0 && StackTraceLines == 0;
}

/// <summary>The attack run's figures and verdict.</summary>
public sealed record AttackReport(BudgetFigures Budget, RoutingFigures Routing, FloodFigures Flood, UnmatchedFigures Unmatched, DoorFigures Doors)
{
    public bool Passed => Budget.Held && Routing.Held && Flood.Held && Unmatched.Held && Doors.Held;

    public string ToTable() => new StringBuilder()
        .AppendLine("| Attack | Measured | Held |")
        .AppendLine("|---|---|---|")
        .AppendLine(CultureInfo.InvariantCulture, $"| one merchant bursts 30 Adullam creates, an outsider sends {Budget.HintsSent} hints (20/s); Adullam at {AttackRun.AdullamCallsPerSecond} calls/s | the other merchant's prompt after {Budget.PromptSeconds:F1} s (goal < 25 s); {Budget.BurstRefused} of 30 refused past the share of {Budget.SharePerMinute}/min | {Budget.Held} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| {Routing.HintsSent} token-less hints buy Kiotapay lookups while its lookups answer 429 | {Routing.AtKiotapay} of {Routing.Routed} routed KES checkouts opened at Kiotapay | {Routing.Held} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| LakiPay repeats each signed callback: {Flood.Bodies} tokened bodies on one checkout (continue-as-new suggested at {AttackRun.SuggestContinueAsNewAt}) | ended {Flood.Final}; {Flood.Runs} runs, the longest {Flood.LongestHistory} events | {Flood.Held} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| {Unmatched.Bodies} token-less Adullam webhooks naming unknown session ids, 5 senders at once, while an Adullam checkout is paid | ended {Unmatched.Final} {Unmatched.PaidSeconds:F1} s after the payment (goal < 10 s); {Unmatched.ServerErrors} 5xx | {Unmatched.Held} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| {Doors.Sent} slow or over-declared bodies on four doors | statuses {Doors.Statuses} (0: cut without an answer); {Doors.ServerErrors} 5xx; {Doors.StackTraceLines} stack-trace lines in the API's log over the whole run | {Doors.Held} |")
        .AppendLine(Passed ? "PASSED" : "FAILED")
        .ToString();
}
