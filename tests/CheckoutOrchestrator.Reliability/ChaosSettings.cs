using System.Globalization;
using CheckoutOrchestrator.DevHost;

namespace CheckoutOrchestrator.Reliability;

/// <summary>
/// One reliability run: how many checkouts, how they end, which faults are on, and how patient the
/// merchant is. <see cref="Small"/> runs in CI; <see cref="Big"/> by hand.
/// </summary>
public sealed record ChaosSettings
{
    /// <summary>The merchant every checkout of a run belongs to.</summary>
    public static readonly DevMerchant Merchant = new("chaos-shop", "cok_chaos_shop_reliability_only_key_0001", "whsec_chaos_shop_reliability_only_secret_0001");

    public int Checkouts { get; init; } = 60;

    /// <summary>Checkouts opened a second, until all are open (all stay open together).</summary>
    public int OpenPerSecond { get; init; } = 20;

    /// <summary>The checkout's expiresInSeconds (the product's minimum is 300).</summary>
    public int ExpiresInSeconds { get; init; } = 300;

    /// <summary>
    /// How long a merchant waits for an outcome before cancelling; null lets checkouts expire.
    /// The small setting cancels so a CI run needs no five-minute expiry.
    /// </summary>
    public int? PatienceSeconds { get; init; } = 75;

    public double ProviderErrorRate { get; init; } = 0.20;

    public double ProviderTimeoutRate { get; init; } = 0.05;

    public int ExtraCallbackDeliveries { get; init; } = 2;

    public double DroppedCallbackRate { get; init; } = 0.10;

    public double OutOfOrderRate { get; init; } = 0.05;

    public double ForgedRate { get; init; } = 0.02;

    /// <summary>
    /// How long a provider's answer takes to leave after it read its state: a payment made meanwhile
    /// is not in it, the window in which a cancel's (or deadline's) lookup meets a payment.
    /// </summary>
    public int ProviderAnswerDelayMs { get; init; } = 1000;

    /// <summary>Deliveries the merchants' endpoint refuses (503) at the start of the run.</summary>
    public int MerchantEndpointFailures { get; init; } = 30;

    public bool KillWorker { get; init; } = true;

    public bool RestartApi { get; init; } = true;

    public string OutputFile { get; init; } = "reliability.json";

    /// <summary>Forgeries are made more often so that a run of 60 sees some of each.</summary>
    public static ChaosSettings Small { get; } = new() { ForgedRate = 0.25 };

    public static ChaosSettings Big { get; } = new() { Checkouts = 500, PatienceSeconds = null, OutputFile = "reliability-big.json" };

    /// <summary>A preset ("small", "big") with <c>--name value</c> overrides.</summary>
    public static ChaosSettings From(string[] args)
    {
        var settings = args.Contains("big") ? Big : Small;
        for (var i = 0; i < args.Length - 1; i++)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--checkouts" => settings with { Checkouts = int.Parse(value, CultureInfo.InvariantCulture) },
                "--expires" => settings with { ExpiresInSeconds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--patience" => settings with { PatienceSeconds = value == "none" ? null : int.Parse(value, CultureInfo.InvariantCulture) },
                "--forged" => settings with { ForgedRate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--out" => settings with { OutputFile = value },
                _ => settings,
            };
        }

        return settings;
    }
}
