using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CheckoutOrchestrator.Providers;

/// <summary>
/// Everything about a provider that needs no network: what it can do and which input it accepts.
/// Pure and immutable, so the API, the worker and workflows can all read it.
/// </summary>
public abstract class ProviderProfile
{
    public abstract PaymentProvider Provider { get; }

    public abstract ProviderCapabilities Capabilities { get; }

    /// <summary>Its place in the default routing order (1 first), unique among providers; the enum's member order means nothing.</summary>
    public abstract int RoutingRank { get; }

    /// <summary>Set when the provider limits requests per account: its calls then get a task queue of their own.</summary>
    public virtual CallBudget? CallBudget => null;

    /// <summary>When its checkouts poll it; see <see cref="Providers.PollPlan"/>.</summary>
    public virtual PollPlan PollPlan => PollPlan.Standard;

    /// <summary>ISO 3166 alpha-2 region whose mobile numbers the provider takes.</summary>
    public abstract string Market { get; }

    public abstract IReadOnlyCollection<string> AcceptedCurrencies { get; }

    /// <summary>
    /// The provider's code for each method a caller may allow. Empty when the provider shows all
    /// its methods and cannot be restricted.
    /// </summary>
    public virtual IReadOnlyDictionary<PaymentMethod, string> MethodCodes { get; } = new Dictionary<PaymentMethod, string>();

    /// <summary>The methods offered when the caller allows none in particular.</summary>
    public virtual IReadOnlyList<PaymentMethod> DefaultMethods { get; } = [];

    /// <summary>The methods its page offers when nothing restricts it: what routing matches a merchant's accepted methods against.</summary>
    public virtual IReadOnlyList<PaymentMethod> OfferedMethods => MethodCodes.Count > 0 ? [.. MethodCodes.Keys] : DefaultMethods;

    public virtual bool PhoneRequired => true;

    public virtual bool NameRequired => false;

    public virtual bool EmailRequired => false;

    public virtual bool RedirectsRequired => true;

    public virtual bool DescriptionRequired => false;

    /// <summary>
    /// The reference we give the provider for a checkout, known before its session exists: set at
    /// the workflow's start (which Temporal does not bill), it routes callbacks that lost our query
    /// string. Keyed, so nobody outside can compute it.
    /// </summary>
    public virtual string ReferenceFor(string checkoutId, CheckoutKeys keys) => checkoutId;

    /// <summary>Registers how this provider's callbacks are read and verified: keys only, never credentials.</summary>
    public abstract void AddCallbackReader(IServiceCollection services, IConfiguration configuration);

    /// <summary>The task queue its creates run on, beside the checkouts' queue; null when they share it. Its other lanes are named after it (<see cref="CallBudget.LaneQueue"/>).</summary>
    public string? TaskQueueBeside(string checkoutsQueue) => CallBudget is null ? null : $"{checkoutsQueue}-{Provider.ToSlug()}";

    public IReadOnlyList<PaymentMethod> EffectiveMethods(CheckoutRequest request) =>
        request.AllowedMethods.Count > 0 ? request.AllowedMethods : DefaultMethods;

    public IReadOnlyList<FieldError> Validate(CheckoutRequest request)
    {
        var errors = new List<FieldError>();
        var name = Provider.ToString();

        if (!AcceptedCurrencies.Contains(request.Amount.Currency))
        {
            errors.Add(new(CheckoutFields.Currency, $"{name} accepts {string.Join(", ", AcceptedCurrencies)}."));
        }

        if (RequiresWholeUnits(request) && !Currencies.HasAtMostDecimals(request.Amount.Value, 0))
        {
            errors.Add(new(CheckoutFields.Amount, $"{name} takes whole {request.Amount.Currency} amounts for the methods requested."));
        }

        AddCustomerRules(request.Customer, name, errors);

        if (DescriptionRequired && string.IsNullOrWhiteSpace(request.Description))
        {
            errors.Add(new(CheckoutFields.Description, $"{name} needs a description of the payment."));
        }

        if (RedirectsRequired && request.Redirects is null)
        {
            errors.Add(new(CheckoutFields.RedirectSuccess, $"{name} needs success and failure redirect URLs."));
        }

        if (request.AllowedMethods.Count > 0)
        {
            if (MethodCodes.Count == 0)
            {
                errors.Add(new(CheckoutFields.AllowedMethods, $"{name} shows all its payment methods and cannot be restricted."));
            }
            else if (request.AllowedMethods.Any(m => !MethodCodes.ContainsKey(m)))
            {
                errors.Add(new(
                    CheckoutFields.AllowedMethods,
                    $"{name} offers {string.Join(", ", MethodCodes.Keys.Select(m => m.ToString()))}."));
            }
        }

        AddProviderRules(request, errors);
        return errors;
    }

    /// <summary>Why a phone the provider's payment needs is refused.</summary>
    protected virtual string PhoneRefusal(string phone) => $"{Provider} takes mobile numbers of region {Market}.";

    /// <summary>Whether the request must be in whole currency units (mobile-money rails have no cents).</summary>
    protected virtual bool RequiresWholeUnits(CheckoutRequest request) => false;

    /// <summary>Rules particular to one provider, on top of the shared ones.</summary>
    protected virtual void AddProviderRules(CheckoutRequest request, List<FieldError> errors)
    {
    }

    private void AddCustomerRules(Customer customer, string name, List<FieldError> errors)
    {
        if (customer.Phone is null)
        {
            if (PhoneRequired)
            {
                errors.Add(new(CheckoutFields.CustomerPhone, $"{name} needs the customer's mobile number."));
            }
        }
        else if (PhoneRequired && !PhoneNumberRules.IsMobileIn(customer.Phone, Market))
        {
            errors.Add(new(CheckoutFields.CustomerPhone, PhoneRefusal(customer.Phone)));
        }
        else if (!PhoneRequired && !PhoneNumberRules.IsPossible(customer.Phone))
        {
            errors.Add(new(CheckoutFields.CustomerPhone, "The phone has more or fewer digits than its country's numbers."));
        }

        if (NameRequired && string.IsNullOrWhiteSpace(customer.Name))
        {
            errors.Add(new(CheckoutFields.CustomerName, $"{name} needs the customer's name."));
        }

        if (EmailRequired && string.IsNullOrWhiteSpace(customer.Email))
        {
            errors.Add(new(CheckoutFields.CustomerEmail, $"{name} needs the customer's email address."));
        }
    }
}
