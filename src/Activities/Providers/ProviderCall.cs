using System.Diagnostics;
using System.Text.Json;
using CheckoutOrchestrator.Telemetry;
using Refit;
using Temporalio.Exceptions;

namespace CheckoutOrchestrator.Providers;

/// <summary>Runs one provider call and turns whatever goes wrong into a classified application failure.</summary>
public static class ProviderCall
{
    public static async Task<T> RunAsync<T>(ProviderCallContext context, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await ClassifiedAsync(context, call, cancellationToken);
            ProviderCallInstruments.ProviderCalled(context, Stopwatch.GetElapsedTime(started), null);
            return result;
        }
        catch (ApplicationFailureException failure)
        {
            ProviderCallInstruments.ProviderCalled(context, Stopwatch.GetElapsedTime(started), failure.ErrorType ?? "unknown");
            throw;
        }
    }

    /// <summary>A lookup's answer, or null when the provider answers 404: it does not know what we asked about.</summary>
    public static async Task<T?> UnlessNotFoundAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (ApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static async Task<T> ClassifiedAsync<T>(ProviderCallContext context, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (ApiException ex)
        {
            throw ProviderFailures.FromResponse(context, ex.StatusCode, ex.Content, ex.Headers.RetryAfter);
        }
        catch (ApiRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw ex.InnerException switch
            {
                // Token renewal runs inside the HTTP pipeline and has already classified its own failure.
                ApplicationFailureException failure => failure,
                _ => ProviderFailures.FromTransport(context, ex.InnerException ?? ex),
            };
        }
        catch (HttpRequestException ex)
        {
            throw ProviderFailures.FromTransport(context, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw ProviderFailures.FromTransport(context, ex);
        }
        catch (ProviderRejectedException ex)
        {
            throw ex.IsTransient
                ? ProviderFailures.TransientRejection(context, ex.HttpStatus, ex.Code, ex.ProviderMessage)
                : ProviderFailures.Rejected(context, ex.HttpStatus, ex.Code, ex.ProviderMessage);
        }
        catch (JsonException ex)
        {
            throw ProviderFailures.InvalidResponse(context, ex.Message);
        }
    }
}
