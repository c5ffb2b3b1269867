using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Activities.Routing;

/// <summary>
/// Whether each provider has been answering, from the creates this worker makes: a provider whose last
/// five creates, or most of its creates in the last minute, failed for want of an answer (5xx,
/// timeouts, refused connections) is down, and stays down for a cool-down before one create may try
/// it again. Lookups do not count: an outsider's callback can buy one, and routing must not move on
/// what outsiders can buy. A 429 is throttling, not an outage: it is backed off, never a reason to
/// move traffic. Decided here, in the activities' process, never in a workflow.
/// </summary>
public sealed class ProviderHealth
{
    public const int MinimumCalls = 5;
    public const double FailureShare = 0.5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan CoolDown = TimeSpan.FromSeconds(30);

    private static readonly HashSet<string> Unanswered =
        [ProviderErrorTypes.Unavailable, ProviderErrorTypes.Timeout, ProviderErrorTypes.Unreachable];

    private readonly ConcurrentDictionary<PaymentProvider, Tracker> trackers = new();
    private readonly TimeProvider time;
    private readonly Meter meter;

    public ProviderHealth(TimeProvider time, IMeterFactory meters)
    {
        this.time = time;

        // The factory owns and disposes the meter.
        meter = meters.Create("CheckoutOrchestrator.Providers");
        meter.CreateObservableGauge(
            "checkout_provider_up",
            () => PaymentProviderSlugs.All.Select(p => new Measurement<int>(IsUp(p) ? 1 : 0, new KeyValuePair<string, object?>("provider", p.ToSlug()))),
            description: "1 while the provider answers this worker's calls, 0 while it is skipped for failing.");
    }

    /// <summary>Whether an error type says the provider gave no answer (as opposed to refusing what we sent).</summary>
    public static bool IsUnanswered(string? errorType) => errorType is not null && Unanswered.Contains(errorType);

    public void Record(PaymentProvider provider, bool answered) => trackers.GetOrAdd(provider, _ => new Tracker()).Add(time.GetUtcNow(), answered);

    /// <summary>False while the provider is down and its cool-down has not passed.</summary>
    public bool IsUp(PaymentProvider provider) => !trackers.TryGetValue(provider, out var tracker) || tracker.IsUp(time.GetUtcNow());

    /// <summary>Each provider this worker has called, by slug, and whether it is up, for the readiness detail.</summary>
    public IReadOnlyDictionary<string, bool> Called() =>
        trackers.ToDictionary(t => t.Key.ToSlug(), t => t.Value.IsUp(time.GetUtcNow()));

    private sealed class Tracker
    {
        private readonly Queue<(DateTimeOffset At, bool Answered)> calls = new();
        private DateTimeOffset? downSince;
        private int failuresInARow;

        public void Add(DateTimeOffset at, bool answered)
        {
            lock (calls)
            {
                calls.Enqueue((at, answered));
                Trim(at);
                failuresInARow = answered ? 0 : failuresInARow + 1;
                if (answered)
                {
                    downSince = null;
                }
                else if (failuresInARow >= MinimumCalls || (calls.Count >= MinimumCalls && calls.Count(c => !c.Answered) >= calls.Count * FailureShare))
                {
                    downSince = at;
                }
            }
        }

        public bool IsUp(DateTimeOffset now)
        {
            lock (calls)
            {
                return downSince is not { } since || now - since >= CoolDown;
            }
        }

        private void Trim(DateTimeOffset now)
        {
            while (calls.Count > 0 && now - calls.Peek().At > Window)
            {
                calls.Dequeue();
            }
        }
    }
}
