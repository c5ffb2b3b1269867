namespace CheckoutOrchestrator.Simulators.Infrastructure;

/// <summary>What a simulated provider has been asked, so tests can see e.g. that 50 calls shared one token.</summary>
public sealed class SimulatorStats
{
    private int tokenRequests;
    private int creates;
    private int statusLookups;

    public int TokenRequests => tokenRequests;

    public int Creates => creates;

    public int StatusLookups => statusLookups;

    public void CountTokenRequest() => Interlocked.Increment(ref tokenRequests);

    public void CountCreate() => Interlocked.Increment(ref creates);

    public void CountStatusLookup() => Interlocked.Increment(ref statusLookups);
}
