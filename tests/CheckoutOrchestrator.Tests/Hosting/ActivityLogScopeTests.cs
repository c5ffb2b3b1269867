using System.Collections.Concurrent;
using CheckoutOrchestrator.ServiceDefaults.Tracing;
using CheckoutOrchestrator.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Temporalio.Activities;
using Temporalio.Client;
using Temporalio.Worker;
using Temporalio.Workflows;
using Xunit;

namespace CheckoutOrchestrator.Tests.Hosting;

/// <summary>Whichever logger an activity writes with, its lines name the checkout (the workflow id) and the run.</summary>
[Collection(TimeSkippingServerGroup.Name)]
public sealed class ActivityLogScopeTests
{
    private readonly TimeSkippingEnvironment environment;

    public ActivityLogScopeTests(TimeSkippingEnvironment environment)
    {
        this.environment = environment;
    }

    [Fact]
    public async Task An_activitys_log_lines_carry_the_checkout_and_run_in_scope()
    {
        var lines = new ConcurrentQueue<Dictionary<string, object?>>();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(new ScopeCapture(lines)));
        var activities = new LoggingActivities(loggers.CreateLogger<LoggingActivities>());
        var taskQueue = $"tq-{Guid.NewGuid()}";
        using var worker = new TemporalWorker(environment.Env.Client, new TemporalWorkerOptions(taskQueue)
        {
            LoggerFactory = loggers,
            Interceptors = [new CheckoutTracing()],
        }.AddAllActivities(activities).AddWorkflow<LoggingWorkflow>());

        var checkoutId = $"co_{Guid.NewGuid():N}";
        var runId = await worker.ExecuteAsync(async () =>
        {
            var handle = await environment.Env.Client.StartWorkflowAsync((LoggingWorkflow wf) => wf.RunAsync(), new(checkoutId, taskQueue));
            await handle.GetResultAsync();
            return handle.ResultRunId;
        });

        var line = Assert.Single(lines, l => Equals(l.GetValueOrDefault("{OriginalFormat}"), "Calling the provider"));
        Assert.Equal(checkoutId, line["CheckoutId"]);
        Assert.Equal(runId, line["WorkflowRunId"]);
    }

    [Workflow]
    public sealed class LoggingWorkflow
    {
        [WorkflowRun]
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "A workflow run is an instance method.")]
        public Task RunAsync() =>
            Workflow.ExecuteActivityAsync((LoggingActivities a) => a.CallProviderAsync(), new() { StartToCloseTimeout = TimeSpan.FromSeconds(10) });
    }

    public sealed class LoggingActivities(ILogger<LoggingActivities> logger)
    {
        [Activity]
        public Task CallProviderAsync()
        {
            logger.LogInformation("Calling the provider");
            return Task.CompletedTask;
        }
    }

    /// <summary>Records each line's scopes and state as key/value pairs.</summary>
    private sealed class ScopeCapture(ConcurrentQueue<Dictionary<string, object?>> lines) : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        private ConcurrentQueue<Dictionary<string, object?>> Lines => lines;

        public ILogger CreateLogger(string categoryName) => new Capture(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Capture(ScopeCapture owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new Dictionary<string, object?>();
                owner.scopes.ForEachScope(
                    (scope, into) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            foreach (var (key, value) in pairs)
                            {
                                into[key] = value;
                            }
                        }
                    },
                    line);
                if (state is IEnumerable<KeyValuePair<string, object?>> fields)
                {
                    foreach (var (key, value) in fields)
                    {
                        line[key] = value;
                    }
                }

                owner.Lines.Enqueue(line);
            }
        }
    }
}
