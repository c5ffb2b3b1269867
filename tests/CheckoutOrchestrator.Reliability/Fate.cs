namespace CheckoutOrchestrator.Reliability;

/// <summary>What the customer of one checkout does.</summary>
public enum Fate
{
    Pays,
    Fails,
    Abandons,

    /// <summary>Pays on the provider's page after the checkout has ended at ours (expired or cancelled).</summary>
    PaysAfterTheEnd,
}
