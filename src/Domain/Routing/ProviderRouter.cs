using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Validation;

namespace CheckoutOrchestrator.Routing;

/// <summary>
/// Picks the providers a checkout that names none may open at: in the merchant's order, or the
/// configured order for its currency, every provider whose rules the checkout meets (currency,
/// methods, amount, phone). The first is tried first; the others only where failing over is safe.
/// </summary>
public sealed class ProviderRouter(RoutingOptions options)
{
    /// <summary>
    /// The request as one provider is asked: for a routed checkout, the merchant's methods are what
    /// it accepts, so a provider whose page cannot be restricted takes it when the page offers only
    /// accepted methods. A checkout that named its provider is sent exactly as asked.
    /// </summary>
    public static CheckoutRequest RequestFor(CheckoutRequest request, PaymentProvider provider)
    {
        var asked = request with { Provider = provider };
        var profile = ProviderProfiles.For(provider);
        return request.Alternatives is not null && request.AllowedMethods.Count > 0 && profile.MethodCodes.Count == 0
            && profile.OfferedMethods.Count > 0 && profile.OfferedMethods.All(request.AllowedMethods.Contains)
            ? asked with { AllowedMethods = [] }
            : asked;
    }

    /// <summary>The providers that take this checkout, in order, and why each other one does not.</summary>
    public RoutingPlan Plan(CheckoutRequest request, IReadOnlyList<PaymentProvider>? allowed)
    {
        var order = allowed is { Count: > 0 } ? allowed : options.OrderFor(request.Amount.Currency);
        var routed = request with { Alternatives = [] };
        var taking = new List<PaymentProvider>();
        var refusals = new List<FieldError>();
        foreach (var provider in order)
        {
            var errors = CheckoutValidator.Validate(RequestFor(routed, provider));
            if (errors.Count == 0)
            {
                taking.Add(provider);
            }
            else
            {
                refusals.Add(new(CheckoutFields.Providers, $"{provider.ToSlug()}: {string.Join(" ", errors.Select(e => e.Message))}"));
            }
        }

        return new RoutingPlan(taking, refusals);
    }
}

/// <summary>The providers that take a checkout, first choice first, and the reasons of those that do not.</summary>
public sealed record RoutingPlan(IReadOnlyList<PaymentProvider> Providers, IReadOnlyList<FieldError> Refusals);
