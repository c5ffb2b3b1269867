using System.Collections.Concurrent;
using System.Text.Json;
using CheckoutOrchestrator.Client.Events;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Simulators.Merchant;

/// <summary>
/// Stands in for merchants' backends in the dev run: receives the events the orchestrator sends,
/// checks their signatures with each merchant's secret, and keeps them for a person or a test to see.
/// </summary>
public sealed class MerchantInbox
{
    private const int MaxKept = 50_000;
    private readonly ConcurrentQueue<ReceivedEvent> received = new();
    private readonly IOptions<SimulatorOptions> options;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, ReceivedEvent> held = new(StringComparer.Ordinal);
    private InboxFaults faults = new();
    private TaskCompletionSource release = NewRelease();

    public MerchantInbox(IOptions<SimulatorOptions> options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
    }

    public IEnumerable<ReceivedEvent> Received => received;

    /// <summary>Deliveries waiting for an answer right now.</summary>
    public IEnumerable<ReceivedEvent> Held => held.Values;

    public InboxFaults Faults
    {
        get
        {
            lock (gate)
            {
                return faults;
            }
        }

        set
        {
            lock (gate)
            {
                faults = value;
            }
        }
    }

    /// <summary>Lets every held delivery be answered.</summary>
    public void Release()
    {
        lock (gate)
        {
            faults = faults with { HoldTypes = [] };
            release.TrySetResult();
            release = NewRelease();
        }
    }

    public async Task<ReceivedEvent> ReceiveAsync(string merchantId, string? signature, string body, CancellationToken cancellationToken)
    {
        var secrets = options.Value.MerchantSecrets.GetValueOrDefault(merchantId) ?? [];
        var problem = SignatureProblem(signature, body, secrets);
        var (eventId, type, checkoutId, status) = Describe(body);
        var delivery = new ReceivedEvent(merchantId, eventId, type, checkoutId, status, problem is null, problem, StatusCodes.Status200OK, time.GetUtcNow(), body, signature);
        Task? wait;
        lock (gate)
        {
            wait = type is not null && faults.HoldTypes.Contains(type) ? release.Task : null;
        }

        if (wait is not null)
        {
            var key = Guid.NewGuid().ToString("N");
            held[key] = delivery;
            try
            {
                await wait.WaitAsync(cancellationToken);
            }
            finally
            {
                held.TryRemove(key, out _);
            }
        }

        delivery = delivery with { AnsweredStatus = TakeAnswer(), ReceivedAt = time.GetUtcNow() };
        received.Enqueue(delivery);
        while (received.Count > MaxKept && received.TryDequeue(out _))
        {
        }

        return delivery;
    }

    private static TaskCompletionSource NewRelease() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static (string? EventId, string? Type, string? CheckoutId, string? Status) Describe(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var checkout = root.TryGetProperty("checkout", out var c) ? c : default;
            return (Text(root, "id"), Text(root, "type"), Text(checkout, "checkoutId"), Text(checkout, "status"));
        }
        catch (JsonException)
        {
            return (null, null, null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>Null when the signature holds, checked with the merchant client library as a merchant would; otherwise why not.</summary>
    private string? SignatureProblem(string? signature, string body, IEnumerable<string> secrets)
    {
        try
        {
            CheckoutEvents.Verify(signature, body, secrets, time.GetUtcNow());
            return null;
        }
        catch (CheckoutSignatureException ex)
        {
            return ex.Message;
        }
    }

    private int TakeAnswer()
    {
        lock (gate)
        {
            if (faults.FailNext <= 0)
            {
                return StatusCodes.Status200OK;
            }

            faults = faults with { FailNext = faults.FailNext - 1 };
            return faults.FailStatus;
        }
    }
}
