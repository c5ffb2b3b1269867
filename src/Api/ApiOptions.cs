namespace CheckoutOrchestrator.Api;

/// <summary>Section "Api".</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// How long POST /checkouts waits for the provider's session before answering 202 with the
    /// checkout's address. Below the usual 30-second client and proxy timeouts.
    /// </summary>
    public TimeSpan SessionWait { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>How long the customer's return page waits for the checkout's final state before sending the customer on.</summary>
    public TimeSpan ReturnWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Serve the interactive API reference at /docs; unset: only in Development.</summary>
    public bool? ServeReference { get; set; }
}
