using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Api.Webhooks;

/// <summary>
/// Lets an unauthenticated callback through to a checkout at most once per interval, from this API
/// instance: any number of distinct forged bodies cost a checkout one signal a minute. A hint held
/// back here is not lost: the checkout repeats a lookup a hint led to once, an interval later.
/// </summary>
public sealed class HintGate
{
    private const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> lastPassed = new(StringComparer.Ordinal);
    private readonly IOptions<WebhookOptions> options;
    private readonly TimeProvider time;

    public HintGate(IOptions<WebhookOptions> options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
    }

    public bool TryPass(string checkoutId)
    {
        var now = time.GetUtcNow();
        var interval = options.Value.HintInterval;
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
