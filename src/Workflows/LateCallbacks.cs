using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;

namespace CheckoutOrchestrator.Workflows;

/// <summary>
/// What callbacks that arrive after a checkout ended add up to. Where the provider has a status
/// lookup, a callback only asks for one (and a success claim the lookup does not confirm goes to
/// review); where it has none, an authenticated success callback is the proof itself.
/// </summary>
public sealed record LateCallbacks(bool LookupNeeded, ProviderEvent? Claim, ProviderStatus? Proven, IReadOnlyList<string> ReviewNotes)
{
    public static LateCallbacks Weigh(IEnumerable<ProviderEvent> events, ProviderCapabilities capabilities, string reference)
    {
        var lookupNeeded = false;
        ProviderEvent? claim = null;
        ProviderStatus? proven = null;
        var notes = new List<string>();
        foreach (var providerEvent in events)
        {
            if (providerEvent.ProviderReference is { } other && other != reference)
            {
                notes.Add(PaymentEvidence.ForAnotherReference(other, reference));
                continue;
            }

            if (providerEvent.ReviewNote is { } note)
            {
                notes.Add(note);
            }

            if (providerEvent.IsAuthoritative && !providerEvent.ClaimsSuccess)
            {
                continue;
            }

            if (capabilities.StatusLookup)
            {
                lookupNeeded = true;
                claim = providerEvent.ClaimsSuccess ? claim ?? providerEvent : claim;
            }
            else
            {
                proven ??= providerEvent.Status;
            }
        }

        return new(lookupNeeded, claim, proven, notes);
    }
}
