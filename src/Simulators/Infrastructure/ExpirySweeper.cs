namespace CheckoutOrchestrator.Simulators.Infrastructure;

/// <summary>Expires sessions whose time is up, so providers that announce expiry do so on time.</summary>
public sealed class ExpirySweeper : BackgroundService
{
    private readonly IEnumerable<ProviderSimulator> simulators;
    private readonly TimeProvider time;

    public ExpirySweeper(IEnumerable<ProviderSimulator> simulators, TimeProvider time)
    {
        this.simulators = simulators;
        this.time = time;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var session in simulators.SelectMany(s => s.All.Where(x => !x.IsFinal).Select(x => (s, x))))
            {
                session.s.ExpireIfDue(session.x);
            }
        }
    }
}
