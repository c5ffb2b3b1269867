using CheckoutOrchestrator.Api.Webhooks;
using CheckoutOrchestrator.Checkouts;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CheckoutOrchestrator.Tests.Api;

/// <summary>What the API holds back of a checkout's word of progress, for how long, and what it gives back.</summary>
public sealed class ProgressHoldTests
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-12-04T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Held_progress_is_given_in_the_order_it_came_once_and_a_repeat_is_held_once()
    {
        var hold = Hold(TimeSpan.FromMinutes(1));

        Assert.True(hold.TryHold("co_1", Progress("a")));
        Assert.True(hold.TryHold("co_1", Progress("b")));
        Assert.True(hold.TryHold("co_1", Progress("a")));

        Assert.Equal(["a", "b"], hold.Take("co_1").Select(e => e.EventId));
        Assert.Empty(hold.Take("co_1"));
    }

    [Fact]
    public void Progress_past_the_doors_budget_is_held_only_beside_progress_already_waiting()
    {
        var hold = Hold(TimeSpan.FromMinutes(1));

        var alone = hold.TryHoldAlong("co_1", Progress("a"));
        hold.TryHold("co_1", Progress("b"));
        var beside = hold.TryHoldAlong("co_1", Progress("c"));

        Assert.False(alone);
        Assert.True(beside);
        Assert.Equal(["b", "c"], hold.Take("co_1").Select(e => e.EventId));
    }

    [Fact]
    public void Progress_is_due_on_its_own_only_once_its_wait_is_over()
    {
        var hold = Hold(TimeSpan.FromMinutes(1));
        hold.TryHold("co_1", Progress("a"));

        time.Advance(TimeSpan.FromSeconds(59));
        var early = hold.Due();
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(early);
        Assert.Equal(["co_1"], hold.Due());
    }

    [Fact]
    public void Nothing_is_held_when_the_wait_is_zero_or_a_checkout_or_the_hold_has_its_fill()
    {
        var off = Hold(TimeSpan.Zero);
        var hold = Hold(TimeSpan.FromMinutes(1));
        for (var i = 0; i < ProgressHold.MaxPerCheckout; i++)
        {
            Assert.True(hold.TryHold("co_1", Progress($"p{i}")));
        }

        var crowded = Hold(TimeSpan.FromMinutes(1));
        for (var i = 0; i < ProgressHold.MaxCheckouts; i++)
        {
            crowded.TryHold($"co_{i}", Progress("a"));
        }

        Assert.False(off.TryHold("co_1", Progress("a")));
        Assert.False(hold.TryHold("co_1", Progress("one-too-many")));
        Assert.Equal(ProgressHold.MaxPerCheckout, hold.Take("co_1").Count);
        Assert.False(crowded.TryHold("co_one_too_many", Progress("a")));
        Assert.True(crowded.TryHold("co_1", Progress("b")));
    }

    [Fact]
    public void Progress_whose_signal_failed_is_held_again_ahead_of_what_came_since_and_due_at_once()
    {
        var hold = Hold(TimeSpan.FromMinutes(1));
        hold.TryHold("co_1", Progress("a"));
        var taken = hold.Take("co_1");
        hold.TryHold("co_1", Progress("b"));

        hold.GiveBack("co_1", taken);

        Assert.Equal(["co_1"], hold.Due());
        Assert.Equal(["a", "b"], hold.Take("co_1").Select(e => e.EventId));
    }

    [Fact]
    public void Only_authenticated_progress_with_nothing_for_a_person_to_look_at_may_wait()
    {
        var progress = Progress("a");

        Assert.True(progress.IsBareProgress);
        Assert.False((progress with { Evidence = CallbackEvidence.Hint }).IsBareProgress);
        Assert.False((progress with { Status = new ProviderStatus("SUCCESS", PaymentStatus.Succeeded) }).IsBareProgress);
        Assert.False((progress with { Status = new ProviderStatus("WHAT", null) }).IsBareProgress);
        Assert.False((progress with { ReviewNote = "fields disagree" }).IsBareProgress);
        Assert.False((progress with { Status = progress.Status! with { AmountDetail = "paid 90 of 100" } }).IsBareProgress);
    }

    private static ProviderEvent Progress(string id) =>
        new(id, CallbackEvidence.Signature, new ProviderStatus("PENDING", PaymentStatus.Pending), "ref-1", DateTimeOffset.UnixEpoch);

    private ProgressHold Hold(TimeSpan wait) =>
        new(Options.Create(new WebhookOptions { ProgressHold = wait }), time);
}
