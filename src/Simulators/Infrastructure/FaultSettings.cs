namespace CheckoutOrchestrator.Simulators.Infrastructure;

/// <summary>
/// How a simulated provider misbehaves. API faults apply to provider API requests (not to hosted
/// pages); callback faults apply to the callbacks it sends.
/// </summary>
public sealed record FaultSettings
{
    /// <summary>Added to every API request.</summary>
    public int LatencyMs { get; init; }

    /// <summary>
    /// Added after a request was processed, before its answer leaves: a status lookup answers with
    /// the state it read before the wait, whatever happened meanwhile (a payment, its callback).
    /// Honours <see cref="PathContains"/> and <see cref="Method"/>.
    /// </summary>
    public int AnswerDelayMs { get; init; }

    /// <summary>The next N API requests answer <see cref="FailStatus"/>.</summary>
    public int FailNext { get; init; }

    public int FailStatus { get; init; } = 500;

    /// <summary>Sent as Retry-After with a failure.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>The next N API requests get no answer at all, until the client gives up.</summary>
    public int HangNext { get; init; }

    /// <summary>
    /// Failures and hangs happen after the request was processed, as when a response is lost:
    /// a create did open its session.
    /// </summary>
    public bool AfterProcessing { get; init; }

    /// <summary>Only requests whose path contains this are affected (e.g. "checkout").</summary>
    public string? PathContains { get; init; }

    /// <summary>Only requests of this HTTP method are affected (e.g. "POST": every provider's create is one, no lookup but Waftpay's is).</summary>
    public string? Method { get; init; }

    public bool DropCallbacks { get; init; }

    /// <summary>Each callback is delivered this many extra times.</summary>
    public int DuplicateCallbacks { get; init; }

    public int CallbackDelayMs { get; init; }

    /// <summary>Callbacks of one payment arrive in reverse order: the final one first, stale ones after.</summary>
    public bool OutOfOrderCallbacks { get; init; }

    /// <summary>Callbacks go to the callback URL without its query string, as a provider that keeps only the path would send them.</summary>
    public bool DropCallbackQuery { get; init; }

    /// <summary>Chance (0 to 1) that an API request answers <see cref="FailStatus"/>, on top of <see cref="FailNext"/>.</summary>
    public double FailRate { get; init; }

    /// <summary>Chance that an API request gets no answer, on top of <see cref="HangNext"/>.</summary>
    public double HangRate { get; init; }

    /// <summary>Chance that all of one payment's callbacks are lost.</summary>
    public double DropRate { get; init; }

    /// <summary>Chance that one payment's callbacks arrive in reverse order.</summary>
    public double OutOfOrderRate { get; init; }

    /// <summary>
    /// Chance that a payment's callbacks are followed by a forgery: its body under a wrong token,
    /// its body sent to another checkout's callback URL, or its body with the amount changed after
    /// signing. None may ever be believed.
    /// </summary>
    public double ForgeRate { get; init; }
}
