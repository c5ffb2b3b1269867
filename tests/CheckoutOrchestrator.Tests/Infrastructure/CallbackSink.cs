using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CheckoutOrchestrator.Tests.Infrastructure;

/// <summary>Stands where the API will be: receives the callbacks the simulators post, byte for byte.</summary>
public sealed class CallbackSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedCallback> received = new();
    private WebApplication? app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyCollection<ReceivedCallback> Received => received;

    public static async Task<CallbackSink> StartAsync()
    {
        var sink = new CallbackSink();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        sink.app = builder.Build();
        sink.app.MapPost("/webhooks/{provider}", async (string provider, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            sink.received.Enqueue(new ReceivedCallback(
                provider,
                await reader.ReadToEndAsync(),
                request.Query["checkout"].FirstOrDefault(),
                request.Query["token"].FirstOrDefault(),
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            return Results.Ok();
        });
        await sink.app.StartAsync();
        sink.BaseUrl = new Uri(sink.app.Urls.First());
        return sink;
    }

    public async Task<IReadOnlyList<ReceivedCallback>> WaitForAsync(Func<ReceivedCallback, bool> match, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var matching = received.Where(match).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"Expected {count} matching callback(s); received {received.Count} in all.");
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

public sealed record ReceivedCallback(string Provider, string RawBody, string? CheckoutId, string? Token, IReadOnlyDictionary<string, string> Headers);
