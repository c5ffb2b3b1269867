using Temporalio.Testing;

namespace CheckoutOrchestrator.Harness;

/// <summary>Time on Temporal's time-skipping test server, which stands still unless let run.</summary>
public static class VirtualTime
{
    /// <summary>
    /// Lets virtual time skip ahead until the condition holds, then stops it again; fails when it
    /// does not hold within <paramref name="limit"/> of wall-clock time. Callers freeze time where they
    /// need it by keeping an activity pending (e.g. a held merchant delivery).
    /// </summary>
    public static async Task RunUntilAsync(WorkflowEnvironment env, Func<Task<bool>> condition, TimeSpan limit)
    {
        var testService = env.Client.Connection.TestService;
        await testService.UnlockTimeSkippingAsync(new());
        try
        {
            var deadline = DateTime.UtcNow + limit;
            while (!await condition())
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Time ran for {limit} of wall-clock time but the condition never held.");
                }

                await Task.Delay(50);
            }
        }
        finally
        {
            await testService.LockTimeSkippingAsync(new());
        }
    }
}
