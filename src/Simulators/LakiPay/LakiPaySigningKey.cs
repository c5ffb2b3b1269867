using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Simulators.LakiPay;

/// <summary>The key pair the simulated LakiPay signs callbacks with; its public half is what a merchant configures.</summary>
public sealed class LakiPaySigningKey : IDisposable
{
    public LakiPaySigningKey(IOptions<SimulatorOptions> options)
    {
        Key = RSA.Create(2048);
        if (options.Value.LakiPaySigningKeyPem is { Length: > 0 } pem)
        {
            Key.ImportFromPem(pem);
        }

        PublicKeyPem = Key.ExportSubjectPublicKeyInfoPem();
    }

    public RSA Key { get; }

    public string PublicKeyPem { get; }

    public void Dispose() => Key.Dispose();
}
