namespace CheckoutOrchestrator.Providers.Adullam;

/// <summary>What this worker has learned about Adullam's undocumented single-session GET, shared by every lookup.</summary>
public sealed class AdullamEndpoints
{
    private volatile int singleGet; // 0 unknown, 1 answers, -1 absent

    /// <summary>It has answered 200 at least once: its 404 means the session does not exist.</summary>
    public bool SingleGetProven => singleGet == 1;

    /// <summary>It said 404 for a session the list holds: it does not exist on this Adullam.</summary>
    public bool SingleGetAbsent => singleGet == -1;

    public void SingleGetAnswered() => singleGet = 1;

    public void SingleGetMissing() => singleGet = -1;
}
