using System.Globalization;
using System.Text.Json;

namespace CheckoutOrchestrator.Bench;

/// <summary>The scale mode's command line and its report: a line per sample as it runs, a table row at the end.</summary>
public static class ScaleReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task RunAsync(string[] args, string output)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var plan = new ScalePlan(
            int.Parse(Arg("--scale", "100000"), CultureInfo.InvariantCulture),
            double.Parse(Arg("--rate", "40"), CultureInfo.InvariantCulture),
            int.Parse(Arg("--cache", "2000"), CultureInfo.InvariantCulture),
            GcMode.Named(Arg("--gc", "workstation")),
            int.Parse(Arg("--expiry", "14400"), CultureInfo.InvariantCulture),
            TimeSpan.Parse(Arg("--hold", "00:05:00"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(10),
            args.Zip(args.Skip(1)).Where(pair => pair.First == "--worker-env").Select(pair => pair.Second.Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1]));
        Console.WriteLine($"Opening {plan.Checkouts} checkouts at {plan.CreatesPerSecond}/s on one worker (cache {plan.CacheSize}, GC {plan.Gc.Name}{string.Concat(plan.WorkerEnvironment.Select(e => $", {e.Key}={e.Value}"))}), then holding them {plan.Hold}; server {BenchDevRun.Server}.");
        var figures = await OpenAtScale.MeasureAsync(plan, s => Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{s.Seconds,6:F0} s  open {s.Open,7}  worker RSS {s.WorkerRssMiB,5} MiB  cached {s.Cached,6}  replays {s.Replays,8}  worker CPU {s.WorkerCores:F2} cores")));

        var held = figures.Samples.Where(s => s.Open == figures.Opened).ToList();
        var replaysPerSecond = held.Count < 2 ? 0 : (held[^1].Replays - held[0].Replays) / (held[^1].Seconds - held[0].Seconds);
        Console.WriteLine();
        Console.WriteLine("| Open checkouts | Cache | GC | Worker RSS at the end (MiB) | Peak (MiB) | Replays/s while held | Worker CPU while held (cores) | Refused |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {figures.Opened} | {plan.CacheSize} | {plan.Gc.Name} | {figures.Samples[^1].WorkerRssMiB} | {figures.WorkerPeakMiB} | {replaysPerSecond:F1} | {held.Select(s => s.WorkerCores).DefaultIfEmpty().Average():F2} | {figures.Refused} |"));
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(figures, Indented));
    }
}
