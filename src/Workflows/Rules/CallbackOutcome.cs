namespace CheckoutOrchestrator.Workflows.Rules;

/// <summary>What a checkout made of a callback.</summary>
public enum CallbackOutcome
{
    Taken,

    /// <summary>Seen before (a provider's retry), or arrived before there was a session to weigh it against.</summary>
    Repeated,

    /// <summary>An authenticated callback whose body names another checkout's reference: distrusted, a security event.</summary>
    ForAnotherReference,
}
