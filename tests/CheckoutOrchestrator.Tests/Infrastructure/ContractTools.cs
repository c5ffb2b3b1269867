using System.Diagnostics;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>
/// The npm tools pinned in tests/contract (a standard OpenAPI linter and TypeScript client
/// generator), installed from its lock file the first time a test needs them.
/// </summary>
public static class ContractTools
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "tests", "contract");

    public static async Task EnsureInstalledAsync()
    {
        await Installing.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(Directory, "node_modules", ".bin", "redocly")))
            {
                var install = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], Directory);
                if (install.ExitCode != 0)
                {
                    throw new InvalidOperationException($"npm ci in {Directory} failed (Node.js 20+ and npm are needed):\n{install.Output}");
                }
            }
        }
        finally
        {
            Installing.Release();
        }
    }

    /// <summary>
    /// Runs the dotnet CLI from the repository root, where the pinned .NET tools (.config/dotnet-tools.json:
    /// NSwag) are found; they are restored first, once.
    /// </summary>
    public static async Task<ToolRun> DotnetAsync(params string[] arguments)
    {
        await Installing.WaitAsync();
        try
        {
            var restore = await RunAsync("dotnet", ["tool", "restore"], RepositoryRoot());
            if (restore.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet tool restore failed:\n{restore.Output}");
            }
        }
        finally
        {
            Installing.Release();
        }

        return await RunAsync("dotnet", arguments, RepositoryRoot());
    }

    /// <summary>Runs one of the pinned tools (node_modules/.bin) or node itself.</summary>
    public static Task<ToolRun> ToolAsync(string tool, IEnumerable<string> arguments, string workingDirectory) =>
        RunAsync(tool == "node" ? "node" : Path.Combine(Directory, "node_modules", ".bin", tool), arguments, workingDirectory);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CheckoutOrchestrator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No CheckoutOrchestrator.sln above {AppContext.BaseDirectory}.");
    }

    private static async Task<ToolRun> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new ToolRun(process.ExitCode, await output, await errors);
    }
}

/// <summary>What a tool printed, and how it ended.</summary>
public sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
{
    public string Output => $"{Stdout}\n{Stderr}";
}
