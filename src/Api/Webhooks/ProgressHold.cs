using CheckoutOrchestrator.Checkouts;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>
/// Authenticated word of progress (<see cref="ProviderEvent.IsBareProgress"/>) waits here for the next
/// callback to the same checkout on this instance, and travels in its signal, taken first: a provider
/// that says PENDING then SUCCESS costs one signal, not two. Nothing waits longer than
/// <see cref="WebhookOptions.ProgressHold"/>: then it is sent on its own (<see cref="ProgressHoldRelease"/>),
/// long before the checkout's next poll, the first moment its rules could use what it says.
/// Bounded: past <see cref="MaxCheckouts"/> checkouts, or <see cref="MaxPerCheckout"/> callbacks of
/// one, nothing more is held and callbacks are signalled as they come.
/// </summary>
public sealed class ProgressHold
{
    public const int MaxCheckouts = 10_000;
    public const int MaxPerCheckout = 4;

    private readonly Dictionary<string, Held> held = new(StringComparer.Ordinal);
    private readonly Lock sync = new();
    private readonly IOptions<WebhookOptions> options;
    private readonly TimeProvider time;

    public ProgressHold(IOptions<WebhookOptions> options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
    }

    /// <summary>Holds the callback, unless holding is off or full; a repeat of one already held is taken as held.</summary>
    public bool TryHold(string checkoutId, ProviderEvent progress) => TryHold(checkoutId, progress, alongOnly: false);

    /// <summary>Holds the callback beside progress already waiting for the checkout's next signal, where there is some and room.</summary>
    public bool TryHoldAlong(string checkoutId, ProviderEvent progress) => TryHold(checkoutId, progress, alongOnly: true);

    /// <summary>What is held for the checkout, in the order it came; it is no longer held.</summary>
    public IReadOnlyList<ProviderEvent> Take(string checkoutId)
    {
        lock (sync)
        {
            return held.Remove(checkoutId, out var waiting) ? waiting.Events : [];
        }
    }

    /// <summary>Callbacks whose signal failed: held again, ahead of anything held since, and due at once.</summary>
    public void GiveBack(string checkoutId, IReadOnlyList<ProviderEvent> events)
    {
        lock (sync)
        {
            var since = held.Remove(checkoutId, out var waiting) ? waiting.Events : [];
            held[checkoutId] = new Held(time.GetUtcNow(), [.. events, .. since.Where(e => events.All(g => g.EventId != e.EventId))]);
        }
    }

    /// <summary>The checkouts whose held callbacks have waited long enough, or all of them.</summary>
    public IReadOnlyList<string> Due(bool all = false)
    {
        var now = time.GetUtcNow();
        lock (sync)
        {
            return [.. held.Where(h => all || h.Value.DueAt <= now).Select(h => h.Key)];
        }
    }

    private bool TryHold(string checkoutId, ProviderEvent progress, bool alongOnly)
    {
        var wait = options.Value.ProgressHold;
        if (wait <= TimeSpan.Zero)
        {
            return false;
        }

        lock (sync)
        {
            if (!held.TryGetValue(checkoutId, out var waiting))
            {
                if (alongOnly || held.Count >= MaxCheckouts)
                {
                    return false;
                }

                waiting = new Held(time.GetUtcNow() + wait, []);
                held[checkoutId] = waiting;
            }

            if (waiting.Events.Any(e => e.EventId == progress.EventId))
            {
                return true;
            }

            if (waiting.Events.Count >= MaxPerCheckout)
            {
                return false;
            }

            waiting.Events.Add(progress);
            return true;
        }
    }

    private sealed record Held(DateTimeOffset DueAt, List<ProviderEvent> Events);
}
