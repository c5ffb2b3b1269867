using System.Diagnostics.Metrics;

namespace CheckoutOrchestrator.Telemetry;

/// <summary>The product's own meter outside workflows; every host exports it.</summary>
public static class CheckoutMeter
{
    public const string Name = "CheckoutOrchestrator";

    public static Meter Instance { get; } = new(Name);
}
