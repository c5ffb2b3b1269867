namespace CheckoutOrchestrator.Providers;

/// <summary>
/// Names the profile of the provider a <see cref="Checkouts.PaymentProvider"/> member stands for:
/// the one line that adds a provider. Everything else about it lives in its own folder.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ProviderModuleAttribute : Attribute
{
    public ProviderModuleAttribute(Type profile)
    {
        Profile = profile;
    }

    public Type Profile { get; }
}
