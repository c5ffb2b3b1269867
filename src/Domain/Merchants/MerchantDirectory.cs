using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Merchants;

/// <summary>Looks merchants up by id, and by the hash of an API key they present.</summary>
public sealed class MerchantDirectory
{
    private readonly MerchantAccounts accounts;
    private readonly FrozenDictionary<string, string> merchantByKeyHash;

    public MerchantDirectory(IOptions<MerchantAccounts> options)
    {
        accounts = options.Value;
        merchantByKeyHash = accounts
            .SelectMany(m => m.Value.ApiKeySha256.Select(hash => (Hash: hash, MerchantId: m.Key)))
            .ToFrozenDictionary(x => x.Hash, x => x.MerchantId, StringComparer.Ordinal);
    }

    public MerchantOptions? Find(string merchantId) => accounts.GetValueOrDefault(merchantId);

    /// <summary>The merchant an API key belongs to, or null for a key nobody holds.</summary>
    public string? MerchantFor(string apiKey) => merchantByKeyHash.GetValueOrDefault(ApiKeys.Hash(apiKey));
}
