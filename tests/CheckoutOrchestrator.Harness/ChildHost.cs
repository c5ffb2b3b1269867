using System.Diagnostics;

namespace CheckoutOrchestrator.Harness;

/// <summary>
/// The API or the worker as its own process, started from its build output with configuration in
/// environment variables, so the run can kill it (SIGKILL) and start it again.
/// </summary>
public sealed class ChildHost : IAsyncDisposable
{
    private readonly string name;
    private readonly string dll;
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Uri healthUrl;
    private readonly StreamWriter log;
    private readonly Lock writing = new();
    private Process? process;

    public ChildHost(string name, string dll, IReadOnlyDictionary<string, string?> settings, Uri baseUrl, string logFile)
    {
        this.name = name;
        this.dll = dll;
        this.settings = settings;
        healthUrl = new Uri(baseUrl, "health/ready");
        log = new StreamWriter(logFile) { AutoFlush = true };
    }

    public int Starts { get; private set; }

    /// <summary>CPU the running process has used so far (its current start only).</summary>
    public TimeSpan CpuTime => Running.TotalProcessorTime;

    /// <summary>The running process's peak working set so far, in MiB.</summary>
    public long PeakWorkingSetMiB
    {
        get
        {
            Running.Refresh();
            return Running.PeakWorkingSet64 / (1024 * 1024);
        }
    }

    /// <summary>The running process's working set now (its resident memory), in MiB.</summary>
    public long WorkingSetMiB
    {
        get
        {
            Running.Refresh();
            return Running.WorkingSet64 / (1024 * 1024);
        }
    }

    private Process Running => process is { HasExited: false } running ? running : throw new InvalidOperationException($"{name} is not running.");

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Starts++;
        await WaitUntilReadyAsync();
    }

    /// <summary>SIGKILL: no shutdown, no draining, whatever it was doing is cut off.</summary>
    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit();
        Write($"--- {name} killed ---");
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        await log.DisposeAsync();
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            lock (writing)
            {
                log.WriteLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}; see its log.");
            }

            try
            {
                using var response = await http.GetAsync(healthUrl);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{name} was not ready within a minute.");
    }
}
