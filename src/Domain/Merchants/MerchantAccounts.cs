namespace CheckoutOrchestrator.Merchants;

/// <summary>Section "Merchants": every merchant this deployment serves, by merchant id.</summary>
public sealed class MerchantAccounts : Dictionary<string, MerchantOptions>
{
    public const string Section = "Merchants";

    public MerchantAccounts()
        : base(StringComparer.Ordinal)
    {
    }
}
