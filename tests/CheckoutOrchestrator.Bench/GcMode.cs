namespace CheckoutOrchestrator.Bench;

/// <summary>The worker's garbage collector under test, set through the runtime's DOTNET_ variables.</summary>
public sealed record GcMode(string Name, IReadOnlyDictionary<string, string?> RuntimeSettings)
{
    /// <summary>ASP.NET Core's default: a heap per core, and memory it committed is kept.</summary>
    public static GcMode Server { get; } = new("server", new Dictionary<string, string?> { ["DOTNET_gcServer"] = "1" });

    public static GcMode Workstation { get; } = new("workstation", new Dictionary<string, string?> { ["DOTNET_gcServer"] = "0" });

    /// <summary>Server GC that compacts to give memory back (GCConserveMemory 0–9; 5 is Microsoft's suggested start).</summary>
    public static GcMode Conserve { get; } = new("server-conserve", new Dictionary<string, string?> { ["DOTNET_gcServer"] = "1", ["DOTNET_GCConserveMemory"] = "5" });

    public static GcMode Named(string name) => new[] { Server, Workstation, Conserve }.SingleOrDefault(m => m.Name == name)
        ?? throw new ArgumentException($"GC mode is one of server, workstation, server-conserve; not {name}.");
}
