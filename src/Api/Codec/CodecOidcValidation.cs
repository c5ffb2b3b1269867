using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CheckoutOrchestrator.Api.Codec;

/// <summary>Checks Codec:Oidc at start, so a misconfigured identity provider stops the host with one message instead of failing at the first decode.</summary>
public sealed class CodecOidcValidation : IValidateOptions<CodecServerOptions>
{
    public ValidateOptionsResult Validate(string? name, CodecServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Oidc.Validate(new ValidationContext(options.Oidc)).Select(r => r.ErrorMessage!).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
