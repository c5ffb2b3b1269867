using System.Collections.Concurrent;

namespace CheckoutOrchestrator.Api.Checkouts;

/// <summary>
/// Lets something through to a checkout at most once per interval, from this API instance: an
/// unauthenticated callback (any number of forged bodies cost a checkout one signal a minute; a hint
/// held back is covered by the lookup the checkout repeats), or a customer's return (a reload storm
/// costs one signal).
/// </summary>
public sealed class CheckoutGate
{
    public const string Hints = "hints";
    public const string Returns = "returns";
    public const string Progress = "progress";

    private const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> lastPassed = new(StringComparer.Ordinal);
    private readonly Func<TimeSpan> interval;
    private readonly TimeProvider time;

    public CheckoutGate(Func<TimeSpan> interval, TimeProvider time)
    {
        this.interval = interval;
        this.time = time;
    }

    public bool TryPass(string checkoutId)
    {
        var now = time.GetUtcNow();
        var interval = this.interval();
        if (lastPassed.Count > MaxTracked)
        {
            foreach (var (id, at) in lastPassed)
            {
                if (now - at >= interval)
                {
                    lastPassed.TryRemove(id, out _);
                }
            }
        }

        while (true)
        {
            if (!lastPassed.TryGetValue(checkoutId, out var last))
            {
                if (lastPassed.TryAdd(checkoutId, now))
                {
                    return true;
                }
            }
            else if (now - last < interval)
            {
                return false;
            }
            else if (lastPassed.TryUpdate(checkoutId, now, last))
            {
                return true;
            }
        }
    }
}
