using Temporalio.Client;

namespace CheckoutOrchestrator.Tests.Workflows;

/// <summary>
/// Writes finished checkouts' histories for the replay tests when CHECKOUT_RECORD_HISTORIES names
/// a folder. Record before changing the workflow's commands, commit the files, then change it
/// behind Workflow.Patched: the replay tests prove old checkouts still run.
/// </summary>
public static class HistoryRecorder
{
    public const string Variable = "CHECKOUT_RECORD_HISTORIES";

    public static async Task SaveIfAskedAsync(WorkflowHandle handle, string scenario)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } folder)
        {
            return;
        }

        var history = await handle.FetchHistoryAsync();
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, $"{scenario}.json"), history.ToJson());
    }
}
