namespace CheckoutOrchestrator.Reliability;

/// <summary>What the customer of one checkout does.</summary>
public enum Fate
{
    Pays,
    Fails,
    Abandons,

    /// <summary>Pays on the provider's page after the checkout has ended at ours (expired or cancelled).</summary>
    PaysAfterTheEnd,

    /// <summary>The merchant cancels and the customer pays 0–2 s later: while the cancel's lookup may be in flight.</summary>
    PaysAsTheMerchantCancels,

    /// <summary>Fails once on a page that stays open, then pays; the paid attempt's callbacks are lost.</summary>
    FailsThenPaysUnheard,
}
