using System.Collections.Concurrent;
using System.Text;

namespace CheckoutOrchestrator.Simulators.Infrastructure;

/// <summary>
/// Posts callbacks in the background, one payment's callbacks in order, retrying a few times on
/// non-2xx ([inferred] for all five providers: only Waftpay says it retries "a few times").
/// The fault switches can drop, duplicate, delay or reverse them.
/// </summary>
public sealed partial class CallbackSender : IDisposable
{
    private const int MaxAttempts = 3;
    private const int MaxLogEntries = 50_000;
    private static readonly TimeSpan RetryBackoff = TimeSpan.FromMilliseconds(300);

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly FaultSwitchboard faults;
    private readonly TimeProvider time;
    private readonly ILogger<CallbackSender> logger;
    private readonly ConcurrentQueue<CallbackDelivery> log = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, Uri> lastUrl = new(StringComparer.OrdinalIgnoreCase);

    public CallbackSender(FaultSwitchboard faults, TimeProvider time, ILogger<CallbackSender> logger)
    {
        this.faults = faults;
        this.time = time;
        this.logger = logger;
    }

    public IEnumerable<CallbackDelivery> Deliveries(string provider) =>
        log.Where(d => string.Equals(d.Provider, provider, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Sends one payment's callbacks, in the order given (stale ones first, the final one last);
    /// <paramref name="lost"/> fixes whether they are lost, else the provider's faults decide.
    /// </summary>
    public void Send(string provider, IReadOnlyList<OutgoingCallback> callbacks, bool? lost = null)
    {
        var settings = faults.Get(provider);
        if (callbacks.Count > 0 && FaultDice.Chance(settings.ForgeRate) && Forgery(provider, callbacks[^1]) is { } forged)
        {
            _ = Task.Run(() => DeliverAsync(provider, [forged], TimeSpan.FromMilliseconds(settings.CallbackDelayMs), stopping.Token));
        }

        if (callbacks.Count > 0)
        {
            lastUrl[provider] = callbacks[^1].Url;
        }

        if (callbacks.Count == 0 || (lost ?? (settings.DropCallbacks || FaultDice.Chance(settings.DropRate))))
        {
            logger.LogInformation("{Provider}: dropped {Count} callback(s)", provider, callbacks.Count);
            return;
        }

        var addressed = settings.DropCallbackQuery
            ? [.. callbacks.Select(c => c with { Url = new Uri(c.Url.GetLeftPart(UriPartial.Path)) })]
            : callbacks;
        var ordered = settings.OutOfOrderCallbacks || FaultDice.Chance(settings.OutOfOrderRate) ? addressed.Reverse().ToList() : addressed;
        var sequence = ordered.SelectMany(c => Enumerable.Repeat(c, 1 + settings.DuplicateCallbacks)).ToList();
        _ = Task.Run(() => DeliverAsync(provider, sequence, TimeSpan.FromMilliseconds(settings.CallbackDelayMs), stopping.Token));
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
        http.Dispose();
    }

    private static Uri WithQuery(Uri url, string name, string value)
    {
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        query[name] = value;
        return new UriBuilder(url) { Query = query.ToString() }.Uri;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=""amount""\s*:\s*""?)\d+")]
    private static partial System.Text.RegularExpressions.Regex AmountDigits();

    private async Task DeliverAsync(string provider, IReadOnlyList<OutgoingCallback> sequence, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var callback in sequence)
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, cancellationToken);
                }

                await DeliverOneAsync(provider, callback, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The simulator is stopping.
        }
    }

    private async Task DeliverOneAsync(string provider, OutgoingCallback callback, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            int? status = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, callback.Url)
                {
                    Content = new StringContent(callback.Body, Encoding.UTF8, "application/json"),
                };
                foreach (var (name, value) in callback.Headers ?? new Dictionary<string, string>())
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await http.SendAsync(request, cancellationToken);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning("{Provider}: callback to {Url} failed: {Error}", provider, callback.Url, ex.Message);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("{Provider}: callback to {Url} timed out", provider, callback.Url);
            }

            Record(new CallbackDelivery(provider, callback.Url, callback.Body, status, time.GetUtcNow(), callback.Forgery));
            if (status is >= 200 and < 300)
            {
                return;
            }

            await Task.Delay(RetryBackoff * attempt, cancellationToken);
        }
    }

    /// <summary>A forged copy of a genuine callback, as an attacker who saw one could make it.</summary>
    private OutgoingCallback? Forgery(string provider, OutgoingCallback genuine)
    {
        switch (FaultDice.Pick(3))
        {
            case 0:
                return genuine with { Url = WithQuery(genuine.Url, "token", Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))), Forgery = "wrong-token" };
            case 1:
                // Another checkout's URL, with its valid token: this payment must not pay that checkout.
                return lastUrl.TryGetValue(provider, out var other) && other != genuine.Url
                    ? genuine with { Url = other, Forgery = "another-checkouts-url" }
                    : null;
            default:
                var tampered = AmountDigits().Replace(genuine.Body, match => match.Value + "7", 1);
                return tampered == genuine.Body ? null : genuine with { Body = tampered, Forgery = "amount-changed-after-signing" };
        }
    }

    private void Record(CallbackDelivery delivery)
    {
        log.Enqueue(delivery);
        while (log.Count > MaxLogEntries && log.TryDequeue(out _))
        {
        }
    }
}
