using System.Runtime.CompilerServices;
using CheckoutOrchestrator.Checkouts;
using CheckoutOrchestrator.Providers;
using CheckoutOrchestrator.Tests.Infrastructure;
using CheckoutOrchestrator.Workflows;
using CheckoutOrchestrator.Workflows.Opening;
using CheckoutOrchestrator.Workflows.Rules;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;
using Xunit;

namespace CheckoutOrchestrator.Tests.Workflows;

public sealed class CheckoutWorkflowTests : WorkflowTestBase
{
    public CheckoutWorkflowTests(TimeSkippingEnvironment environment)
        : base(environment)
    {
    }

    [Fact]
    public async Task The_checkout_url_comes_back_before_payment_and_a_webhook_completes_the_checkout()
    {
        var provider = new FakeProviderActivities();
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, opened) = await OpenAsync(Input(), taskQueue);
            Assert.Equal((PaymentStatus.Pending, "https://pay.example.com/sess_1"), (opened.Status, opened.CheckoutUrl!.AbsoluteUri));

            await SendAsync(handle, Callback("evt-1", PaymentStatus.Succeeded, "SUCCESS", paid: 1000.50m));
            return await OutcomeAsync(handle);
        });

        Assert.Equal(PaymentStatus.Succeeded, result.Status);
        Assert.Equal([(PaymentStatus.Pending, StatusSource.Created), (PaymentStatus.Succeeded, StatusSource.Webhook)], result.Timeline.Select(t => (t.Status, t.Source)));
        Assert.Equal(0, provider.Lookups);
        Assert.False(result.NeedsReview);
    }

    [Theory]
    [InlineData(PaymentProvider.LakiPay, new string[0])]
    [InlineData(PaymentProvider.Kiotapay, new string[0])]
    [InlineData(PaymentProvider.Adullam, new[] { "ProviderSessionKeys" })]
    public async Task Opening_a_session_writes_search_attributes_only_where_account_level_webhooks_need_the_providers_ids(PaymentProvider paymentProvider, string[] expected)
    {
        // Temporal bills each upsert; our reference is set at start for free, and the SDK's own
        // TemporalChangeVersion upsert for a patch is not billed.
        var provider = new FakeProviderActivities();
        var written = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(paymentProvider), taskQueue);
            var history = await handle.FetchHistoryAsync();
            await handle.TerminateAsync("seen enough");
            return history.Events
                .Select(e => e.UpsertWorkflowSearchAttributesEventAttributes?.SearchAttributes.IndexedFields.Keys.Where(key => key != "TemporalChangeVersion").ToList())
                .Where(keys => keys is { Count: > 0 })
                .SelectMany(keys => keys!)
                .ToList();
        });

        Assert.Equal(expected, written);
    }

    [Fact]
    public async Task A_checkout_that_failed_over_is_the_alternatives_from_its_open_and_lists_as_failed_over()
    {
        var provider = new FakeProviderActivities { OpensAt = PaymentProvider.Waftpay };
        var waftpay = ProviderProfiles.For(PaymentProvider.Waftpay);
        var input = Input(PaymentProvider.Kiotapay);
        input = input with
        {
            Request = input.Request with { Alternatives = [PaymentProvider.Waftpay] },
            Alternatives = [new CheckoutOrchestrator.Routing.ProviderRoute(PaymentProvider.Waftpay, input.CheckoutId, waftpay.Capabilities, waftpay.PollPlan)],
        };
        WorkflowHistory? history = null;
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, opened) = await OpenAsync(input, taskQueue);
            Assert.Equal((PaymentProvider.Waftpay, true), (opened.Provider, opened.Routing!.FailedOver));
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Succeeded, "SUCCESS", paid: 1500m));
            var outcome = await OutcomeAsync(handle);
            history = await handle.FetchHistoryAsync();
            return outcome;
        });

        Assert.Equal((PaymentStatus.Succeeded, PaymentProvider.Waftpay), (result.Status, result.Provider));
        Assert.Contains(history!.Events, e => e.UpsertWorkflowSearchAttributesEventAttributes?.SearchAttributes.IndexedFields.ContainsKey("FailedOver") == true);
    }

    [Fact]
    public async Task Callbacks_that_wake_the_checkout_before_its_poll_do_not_start_another_timer()
    {
        var (_, outcome, history) = await ProcessingThenSuccessAsync();

        Assert.Equal(PaymentStatus.Succeeded, outcome.Status);
        Assert.Equal(1, history.Events.Count(e => e.TimerStartedEventAttributes is not null));
    }

    [Fact]
    public async Task Progress_held_for_the_success_callback_is_taken_before_it_from_the_same_signal()
    {
        var provider = new FakeProviderActivities();
        var (outcome, signals) = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.LakiPay), taskQueue);
            var progress = Callback("evt-1", PaymentStatus.Processing, "PENDING", paymentId: "pay_held");
            await SendAsync(handle, Callback("evt-2", PaymentStatus.Succeeded, "SUCCESS", paid: 1000.50m) with { Earlier = [progress] });
            var outcome = await OutcomeAsync(handle);
            return (outcome, (await handle.FetchHistoryAsync()).Events.Count(e => e.WorkflowExecutionSignaledEventAttributes is not null));
        });

        Assert.Equal(1, signals);
        Assert.Equal(
            [(PaymentStatus.Pending, StatusSource.Created), (PaymentStatus.Processing, StatusSource.Webhook), (PaymentStatus.Succeeded, StatusSource.Webhook)],
            outcome.Timeline.Select(t => (t.Status, t.Source)));
        Assert.Equal("pay_held", outcome.ProviderPaymentId);
    }

    [Fact]
    public async Task A_payment_under_way_shows_at_once_but_costs_no_upsert_when_its_success_follows_before_the_next_poll()
    {
        var (shown, _, history) = await ProcessingThenSuccessAsync();

        Assert.Equal(PaymentStatus.Processing, shown.Status);
        Assert.Equal([nameof(PaymentStatus.Succeeded)], StatusWrites(history));
    }

    [Fact]
    public async Task A_payment_still_under_way_at_the_next_poll_is_listed_as_processing_from_then_on()
    {
        var provider = new FakeProviderActivities { Otherwise = new("PENDING", PaymentStatus.Processing) };
        var (listed, lookupsBeforePoll) = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Kiotapay, expiresInSeconds: 3600), taskQueue);

            // Unsigned, and claiming nothing final: believed only after a lookup, and none is spent on it.
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Processing, "PROCESSING", evidence: CallbackEvidence.Token));
            await Env.DelayAsync(TimeSpan.FromMinutes(1));
            var lookupsBeforePoll = provider.Lookups;
            await Env.DelayAsync(PollPlan.Standard.Intervals[0]);
            await WaitForStatusAsync(handle, PaymentStatus.Processing);
            var listed = StatusWrites(await handle.FetchHistoryAsync());
            await handle.TerminateAsync("seen enough");
            return (listed, lookupsBeforePoll);
        });

        Assert.Equal(0, lookupsBeforePoll);
        Assert.Equal([nameof(PaymentStatus.Processing)], listed);
    }

    [Fact]
    public async Task A_thirty_minute_checkout_nobody_pays_expires_on_its_own()
    {
        var provider = new FakeProviderActivities();
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(expiresInSeconds: 1800), taskQueue);
            return await OutcomeAsync(handle);
        });

        var expiry = result.Timeline[^1];
        Assert.Equal((PaymentStatus.Expired, StatusSource.Expiry), (result.Status, expiry.Source));
        Assert.True(expiry.At >= result.CreatedAt.AddMinutes(30));
        Assert.InRange(provider.LookupTimes.Count(t => t <= expiry.At), 2, 8);
        Assert.Equal(PollPlan.Standard.LateLookups.Count, provider.LookupTimes.Count(t => t > expiry.At));
    }

    [Fact]
    public async Task A_success_the_webhook_never_told_is_found_by_polling()
    {
        var provider = new FakeProviderActivities();
        provider.AnswerLookups(FakeProviderActivities.Pending, new ProviderStatus("PENDING", PaymentStatus.Processing), new ProviderStatus("SUCCESS", PaymentStatus.Succeeded, null, 1000.50m));

        var result = await WithWorkerAsync(provider, async taskQueue => await OutcomeAsync((await OpenAsync(Input(expiresInSeconds: 3600), taskQueue)).Handle));

        Assert.Equal(PaymentStatus.Succeeded, result.Status);
        Assert.Equal([StatusSource.Created, StatusSource.Poll, StatusSource.Poll], result.Timeline.Select(t => t.Source));
        Assert.Equal(3, provider.Lookups);
        Assert.True(result.CompletedAt < result.ExpiresAt);
    }

    [Fact]
    public async Task Duplicate_and_late_callbacks_do_not_change_a_succeeded_checkout()
    {
        var result = await WithWorkerAsync(new FakeProviderActivities(), async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(), taskQueue);
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Succeeded, "SUCCESS"));
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Succeeded, "SUCCESS"));
            await SendAsync(handle, Callback("evt-0", PaymentStatus.Processing, "PENDING"));
            await SendAsync(handle, Callback("evt-2", PaymentStatus.Failed, "FAILED"));
            return await OutcomeAsync(handle);
        });

        Assert.Equal(PaymentStatus.Succeeded, result.Status);
        Assert.Single(result.Timeline, t => t.Status == PaymentStatus.Succeeded);
        Assert.DoesNotContain(result.Timeline, t => t.Status is PaymentStatus.Failed or PaymentStatus.Processing);
    }

    [Fact]
    public async Task A_stale_callback_arriving_after_a_newer_one_never_moves_the_checkout_back()
    {
        var result = await WithWorkerAsync(new FakeProviderActivities(), async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(), taskQueue);
            await SendAsync(handle, Callback("evt-2", PaymentStatus.Processing, "PENDING"));
            Assert.Equal(PaymentStatus.Processing, (await handle.QueryAsync(wf => wf.Snapshot)).Status);
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Pending, "INITIATED"));
            Assert.Equal(PaymentStatus.Processing, (await handle.QueryAsync(wf => wf.Snapshot)).Status);
            await SendAsync(handle, Callback("evt-3", PaymentStatus.Succeeded, "SUCCESS"));
            return await OutcomeAsync(handle);
        });

        Assert.Equal([PaymentStatus.Pending, PaymentStatus.Processing, PaymentStatus.Succeeded], result.Timeline.Select(t => t.Status));
    }

    [Fact]
    public async Task A_failure_callback_fails_the_checkout_with_the_providers_reason()
    {
        var result = await WithWorkerAsync(new FakeProviderActivities(), async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(), taskQueue);
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Failed, "FAILED", reason: "Insufficient funds"));
            return await OutcomeAsync(handle);
        });

        Assert.Equal((PaymentStatus.Failed, "Insufficient funds"), (result.Status, result.FailureReason));
    }

    [Fact]
    public async Task An_unauthenticated_callback_is_believed_only_once_a_status_lookup_confirms_it()
    {
        var provider = new FakeProviderActivities();
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Waftpay), taskQueue);
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Succeeded, "SUCCESS", evidence: CallbackEvidence.Token));
            await WaitUntilAsync(() => provider.Lookups >= 1);
            Assert.Equal(PaymentStatus.Pending, (await handle.QueryAsync(wf => wf.Snapshot)).Status);

            provider.AnswerLookups(new ProviderStatus("succeeded", PaymentStatus.Succeeded, null, 1750m));
            await SendAsync(handle, Callback("evt-2", PaymentStatus.Succeeded, "SUCCESS", evidence: CallbackEvidence.Token));
            return await OutcomeAsync(handle);
        });

        var success = result.Timeline[^1];
        Assert.Equal((PaymentStatus.Succeeded, StatusSource.Webhook, "succeeded"), (success.Status, success.Source, success.ProviderStatus));
        Assert.Equal(2, provider.Lookups);
    }

    [Fact]
    public async Task A_session_the_provider_refuses_fails_the_opening_and_the_checkout()
    {
        var provider = new FakeProviderActivities
        {
            CreateFailure = new ApplicationFailureException(
                "LakiPay rejected the request",
                ProviderErrorTypes.Rejected,
                nonRetryable: true,
                details: [new ProviderErrorDetails(PaymentProvider.LakiPay, ProviderOperation.CreateSession, 400, "INVALID_PHONE", "bad phone")]),
        };

        var (opening, result) = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, outcome) = await StartAsync(Input(), taskQueue);
            return (outcome, await OutcomeAsync(handle));
        });

        Assert.Equal(OpenResult.Failed, opening!.Result);
        Assert.Equal((ProviderErrorTypes.Rejected, "INVALID_PHONE"), (opening.Failure!.Type, opening.Failure.Provider!.Code));
        Assert.Equal((PaymentStatus.Failed, false), (result.Status, result.SessionOpened));
        Assert.Equal(ProviderErrorTypes.Rejected, result.CreateFailure!.Type);
    }

    [Fact]
    public async Task The_same_reference_with_a_different_request_is_refused_and_the_first_checkout_goes_on()
    {
        var result = await WithWorkerAsync(new FakeProviderActivities(), async taskQueue =>
        {
            var input = Input();
            var (handle, _) = await OpenAsync(input, taskQueue);

            var (_, conflict) = await StartAsync(input with { RequestFingerprint = "another" }, taskQueue);
            var (_, again) = await StartAsync(input, taskQueue);

            Assert.Equal(OpenResult.Conflict, conflict!.Result);

            // Another POST of the same request finds the checkout a first POST started: its present state answers.
            Assert.Null(again);
            Assert.Equal(OpenResult.Opened, CheckoutOpening.AsItStands(input.CheckoutId, await handle.QueryAsync(wf => wf.Snapshot), new("another-post", input.RequestFingerprint)).Result);
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Succeeded, "SUCCESS"));
            return await OutcomeAsync(handle);
        });

        Assert.Equal(PaymentStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task A_payment_still_processing_at_the_deadline_is_followed_to_its_end()
    {
        var provider = new FakeProviderActivities { Otherwise = new("PENDING", PaymentStatus.Processing) };
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(expiresInSeconds: 600), taskQueue);
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Processing, "PENDING"));
            var snapshot = await handle.QueryAsync(wf => wf.Snapshot);
            (provider.ChangesAt, provider.Later) = (snapshot.ExpiresAt!.Value.AddMinutes(3), new("SUCCESS", PaymentStatus.Succeeded, null, 1000.50m));
            return (Final: await OutcomeAsync(handle), Deadline: snapshot.ExpiresAt!.Value);
        });

        Assert.Equal(PaymentStatus.Succeeded, result.Final.Status);
        Assert.True(result.Final.CompletedAt > result.Deadline.AddMinutes(3));
        Assert.True(result.Final.CompletedAt <= result.Deadline + CheckoutDeadline.ProcessingGrace);
    }

    [Fact]
    public async Task A_success_for_another_amount_is_not_taken_and_asks_for_review()
    {
        var result = await WithWorkerAsync(new FakeProviderActivities(), async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(expiresInSeconds: 300), taskQueue);
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Succeeded, "SUCCESS", paid: 1m));
            return await OutcomeAsync(handle);
        });

        Assert.Equal(PaymentStatus.Expired, result.Status);
        Assert.Contains(result.ReviewNotes, n => n.Note.Contains("not taken as success", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_review_for_a_different_amount_quotes_every_figure_the_provider_reported()
    {
        var provider = new FakeProviderActivities();
        provider.AnswerLookups(new ProviderStatus("succeeded", PaymentStatus.Succeeded, null, 1740m, AmountDetail: "amount 1740, total_charges 10, total_amount 1750"));

        var result = await WithWorkerAsync(provider, async taskQueue => await OutcomeAsync((await OpenAsync(Input(PaymentProvider.Waftpay, expiresInSeconds: 300), taskQueue)).Handle));

        Assert.Equal(PaymentStatus.Expired, result.Status);
        Assert.Contains(result.ReviewNotes, n => n.Note.Contains("1740 KES (amount 1740, total_charges 10, total_amount 1750), not the 1750 asked for", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_callback_for_another_reference_is_not_believed_but_buys_a_lookup_and_a_review()
    {
        var provider = new FakeProviderActivities();
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(expiresInSeconds: 300), taskQueue);
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Succeeded, "SUCCESS", CallbackEvidence.Token, reference: "someone-else", paymentId: "pay-of-someone-else"));
            return await OutcomeAsync(handle);
        });

        // Not evidence: the lookup it bought asks by this checkout's own ids, and the provider says nothing was paid.
        Assert.Equal(PaymentStatus.Expired, result.Status);
        Assert.Contains(provider.LookupTimes, t => t < result.ExpiresAt);
        Assert.DoesNotContain(provider.LookedUp, s => s.PaymentId == "pay-of-someone-else");
        var note = Assert.Single(result.ReviewNotes, n => n.Reason == ReviewReason.ForeignReference);
        Assert.Contains("named reference someone-else", note.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_without_status_lookup_is_never_polled_and_its_expiry_asks_for_review()
    {
        var provider = new FakeProviderActivities();
        var result = await WithWorkerAsync(provider, async taskQueue => await OutcomeAsync((await OpenAsync(Input(PaymentProvider.Chpter), taskQueue)).Handle));

        Assert.Equal(PaymentStatus.Expired, result.Status);
        Assert.Equal(0, provider.Lookups);
        Assert.True(result.NeedsReview);
    }

    [Fact]
    public async Task The_deadline_is_never_before_the_providers_own_expiry()
    {
        var provider = new FakeProviderActivities();
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var input = Input(PaymentProvider.Waftpay, expiresInSeconds: 600);
            provider.ProviderExpiresAt = DateTimeOffset.UtcNow.AddHours(3);
            return await OutcomeAsync((await OpenAsync(input, taskQueue)).Handle);
        });

        Assert.Equal(PaymentStatus.Expired, result.Status);
        Assert.True(result.CompletedAt >= provider.ProviderExpiresAt);
    }

    [Fact]
    public async Task An_unrecognised_provider_status_changes_nothing_and_is_kept_raw()
    {
        var provider = new FakeProviderActivities();
        provider.AnswerLookups(new ProviderStatus("ON_HOLD", null));
        var result = await WithWorkerAsync(provider, async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(expiresInSeconds: 1800), taskQueue);
            await Env.DelayAsync(PollPlan.Standard.Intervals[0] + TimeSpan.FromSeconds(1));
            await WaitUntilAsync(() => provider.Lookups >= 1);
            var snapshot = await handle.QueryAsync(wf => wf.Snapshot);
            Assert.Equal((PaymentStatus.Pending, "ON_HOLD"), (snapshot.Status, snapshot.ProviderStatus));
            return await OutcomeAsync(handle);
        });

        Assert.Equal(PaymentStatus.Expired, result.Status);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_retried_at_a_hosted_page_provider_without_idempotency()
    {
        var history = await WithWorkerAsync(new FakeProviderActivities(), async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(PaymentProvider.Kiotapay), taskQueue);
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Succeeded, "SUCCEEDED"));
            await OutcomeAsync(handle);
            return await handle.FetchHistoryAsync();
        });

        // Only a session's URL can be paid at Kiotapay: a session whose answer was lost has one nobody saw.
        var scheduled = history.Events.First(e => e.ActivityTaskScheduledEventAttributes is not null).ActivityTaskScheduledEventAttributes;
        Assert.DoesNotContain("TemporalTimeout:StartToClose", scheduled.RetryPolicy.NonRetryableErrorTypes);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(20);
        }
    }

    /// <summary>Every value written to the status search attribute, in order.</summary>
    private static List<string> StatusWrites(WorkflowHistory history) =>
        [.. history.Events
            .Select(e => e.UpsertWorkflowSearchAttributesEventAttributes?.SearchAttributes.IndexedFields)
            .Where(fields => fields is not null && fields.ContainsKey(CheckoutSearchAttributes.Status.Name))
            .Select(fields => (string)Temporalio.Converters.DataConverter.Default.PayloadConverter.ToValue(fields![CheckoutSearchAttributes.Status.Name], typeof(string))!)];

    /// <summary>A payment as LakiPay reports one: a signed processing callback, then its success before the first poll.</summary>
    private async Task<(CheckoutSnapshot Shown, CheckoutSnapshot Outcome, WorkflowHistory History)> ProcessingThenSuccessAsync([CallerMemberName] string scenario = "") =>
        await WithWorkerAsync(new FakeProviderActivities(), async taskQueue =>
        {
            var (handle, _) = await OpenAsync(Input(), taskQueue);
            await SendAsync(handle, Callback("evt-1", PaymentStatus.Processing, "PENDING"));
            var shown = await WaitForStatusAsync(handle, PaymentStatus.Processing);
            await SendAsync(handle, Callback("evt-2", PaymentStatus.Succeeded, "SUCCESS", paid: 1000.50m));
            var outcome = await OutcomeAsync(handle, scenario);
            return (shown, outcome, await handle.FetchHistoryAsync());
        });
}
