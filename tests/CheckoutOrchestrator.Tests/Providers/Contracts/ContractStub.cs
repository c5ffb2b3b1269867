using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CheckoutOrchestrator.Tests.Providers.Contracts;

/// <summary>A provider that answers exactly what its document shows, and records what it was sent.</summary>
public sealed class ContractStub : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (int Status, string Body)> answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private WebApplication? app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public static async Task<ContractStub> StartAsync()
    {
        var stub = new ContractStub();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        stub.app = builder.Build();
        stub.app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Path.Value!;
            stub.requests.Enqueue(new RecordedRequest(context.Request.Method, path, context.Request.ContentType, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            var answer = stub.answers.FirstOrDefault(a => path.EndsWith(a.Key, StringComparison.Ordinal) || path.Contains(a.Key, StringComparison.Ordinal));
            context.Response.StatusCode = answer.Key is null ? 404 : answer.Value.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Key is null ? "{}" : answer.Value.Body);
        });
        await stub.app.StartAsync();
        stub.BaseUrl = new Uri(stub.app.Urls.First());
        return stub;
    }

    /// <summary>Requests whose path ends with (or contains) this get this answer.</summary>
    public ContractStub Answer(string path, string body, int status = 200)
    {
        answers[path] = (status, body);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

public sealed record RecordedRequest(string Method, string Path, string? ContentType, IReadOnlyDictionary<string, string> Headers, string Body);
