namespace CheckoutOrchestrator.Providers;

/// <summary>
/// An account-wide request limit. A provider that has one gets task queues of its own, one per
/// <see cref="ProviderLane"/>, where the Temporal server holds each lane's share of the rate for
/// every worker at once: creates come first, and lookups an outsider's hint buys have the smallest share.
/// </summary>
/// <param name="CallsPerSecond">The whole budget when the configuration names none.</param>
public sealed record CallBudget(double CallsPerSecond)
{
    /// <summary>The share of one merchant in a lane's creates: one merchant bursting leaves two thirds to everyone else.</summary>
    public const double MerchantShareOfCreates = 1.0 / 3;

    /// <summary>Where a deployment sets a provider's whole budget (<c>Worker:ProviderCallsPerSecond:&lt;slug&gt;</c>), read by the worker and the API alike.</summary>
    public const string RatesSection = "Worker:ProviderCallsPerSecond";

    /// <summary>The budget in force: the configured rate, else this profile's default.</summary>
    public double RateWith(double? configured) => configured ?? CallsPerSecond;

    /// <summary>A lane's share of the budget: creates 60 %, the checkouts' own lookups 30 %, lookups bought by hints 10 %.</summary>
    public static double ShareOf(ProviderLane lane) => lane switch
    {
        ProviderLane.Creates => 0.6,
        ProviderLane.Lookups => 0.3,
        _ => 0.1,
    };

    /// <summary>The queue of one lane of a budgeted provider whose creates run on <paramref name="createsQueue"/>.</summary>
    public static string LaneQueue(string createsQueue, ProviderLane lane) =>
        lane == ProviderLane.Creates ? createsQueue : $"{createsQueue}-{lane.ToString().ToLowerInvariant()}";

    /// <summary>
    /// How many creates one merchant may start a minute at a budget of <paramref name="callsPerSecond"/>:
    /// its share of the creates' lane, at least one. A burst of that many drains from the lane in a third of a minute.
    /// </summary>
    public static int MerchantCreatesPerMinute(double callsPerSecond) =>
        Math.Max(1, (int)Math.Floor(callsPerSecond * ShareOf(ProviderLane.Creates) * 60 * MerchantShareOfCreates));
}
