using System.Collections.Concurrent;

namespace CheckoutOrchestrator.Simulators.Infrastructure;

/// <summary>The current fault settings of each simulated provider, changed at run time through /simulator.</summary>
public sealed class FaultSwitchboard
{
    private readonly ConcurrentDictionary<string, FaultSettings> settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    public FaultSettings Get(string provider) => settings.GetValueOrDefault(provider) ?? new FaultSettings();

    public void Set(string provider, FaultSettings faults) => settings[provider] = faults;

    public void Clear(string provider) => settings.TryRemove(provider, out _);

    /// <summary>How long the answer to this request waits after it was processed.</summary>
    public TimeSpan AnswerDelay(string provider, string method, string path) =>
        Get(provider) is { AnswerDelayMs: > 0 } current && Applies(current, method, path) ? TimeSpan.FromMilliseconds(current.AnswerDelayMs) : TimeSpan.Zero;

    /// <summary>Takes one of the pending request faults for this method and path, if any.</summary>
    public RequestFault? TakeRequestFault(string provider, string method, string path)
    {
        lock (gate)
        {
            var current = Get(provider);
            if (!Applies(current, method, path))
            {
                return null;
            }

            RequestFault Fault(bool hang) => new(hang, current.FailStatus, current.RetryAfterSeconds, current.AfterProcessing);
            if (current.HangNext > 0)
            {
                Set(provider, current with { HangNext = current.HangNext - 1 });
                return Fault(hang: true);
            }

            if (current.FailNext > 0)
            {
                Set(provider, current with { FailNext = current.FailNext - 1 });
                return Fault(hang: false);
            }

            if (FaultDice.Chance(current.HangRate))
            {
                return Fault(hang: true);
            }

            return FaultDice.Chance(current.FailRate) ? Fault(hang: false) : null;
        }
    }

    private static bool Applies(FaultSettings faults, string method, string path) =>
        (faults.PathContains is not { } filter || path.Contains(filter, StringComparison.OrdinalIgnoreCase))
        && (faults.Method is not { } only || string.Equals(only, method, StringComparison.OrdinalIgnoreCase));
}

public sealed record RequestFault(bool Hang, int Status, int? RetryAfterSeconds, bool AfterProcessing);
