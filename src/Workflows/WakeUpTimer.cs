using System.Diagnostics.CodeAnalysis;
using Temporalio.Workflows;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// One timer for a checkout's next poll or deadline that survives the callbacks that wake the
/// checkout before it: Temporal bills every timer started, so a wait for the same moment reuses the
/// running timer instead of starting another. Deterministic, for use inside a workflow.
/// </summary>
public sealed class WakeUpTimer
{
    private DateTimeOffset? ringsAt;
    private Task ringing = Task.CompletedTask;
    private Action? cancelTimer;

    /// <summary>Waits until <paramref name="until"/> or until <paramref name="wakeEarly"/> holds, whichever comes first.</summary>
    [SuppressMessage("Reliability", "CA2000", Justification = "A token source with no timeout holds nothing to release; it must outlive this call to cancel the timer later.")]
    public Task WaitAsync(DateTimeOffset until, Func<bool> wakeEarly)
    {
        if (ringsAt != until || ringing.IsCompleted)
        {
            Stop();
            var timerCancel = new CancellationTokenSource();
            cancelTimer = timerCancel.Cancel;
            ringsAt = until;
            ringing = Workflow.DelayAsync(until - Workflow.UtcNow, timerCancel.Token);
        }

        var timer = ringing;
        return Workflow.WaitConditionAsync(() => timer.IsCompleted || wakeEarly());
    }

    /// <summary>Cancels a timer still running (a cancelled timer is not billed).</summary>
    public void Stop()
    {
        if (!ringing.IsCompleted)
        {
            cancelTimer?.Invoke();
        }

        cancelTimer = null;
        ringsAt = null;
    }
}
