namespace CheckoutOrchestrator.Harness;

/// <summary>How many values, and their median and 99th percentile (nearest rank).</summary>
public sealed record Percentiles(int Count, double P50, double P99)
{
    public static Percentiles Of(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(sorted.Length, At(0.50), At(0.99));
    }
}
