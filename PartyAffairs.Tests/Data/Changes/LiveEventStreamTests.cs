using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Data.Changes;

public sealed class LiveEventStreamTests
{
    [Fact]
    public async Task A_transition_committed_in_one_scope_reaches_subscribers_in_two_other_scopes()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await ReviewBureau.CreateAsync(harness);

        // Two "circuits" listening, a third one acting.
        await using var circuitA = harness.NewScope();
        await using var circuitB = harness.NewScope();
        var heardA = new TaskCompletionSource<ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var heardB = new TaskCompletionSource<ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subA = circuitA.ServiceProvider.GetRequiredService<LiveEventStream>().Subscribe(events =>
        {
            heardA.TrySetResult(events.Single());
            return Task.CompletedTask;
        });
        using var subB = circuitB.ServiceProvider.GetRequiredService<LiveEventStream>().Subscribe(events =>
        {
            heardB.TrySetResult(events.Single());
            return Task.CompletedTask;
        });

        await harness.SignInAsync("office");
        await using var actor = harness.NewScope();
        int version;
        await using (var db = harness.NewDb()) version = await db.Disclosures.Where(d => d.Id == bureau.OutOfCatalogueId).Select(d => d.Version).SingleAsync();
        (await actor.ServiceProvider.GetRequiredService<DisclosureReviewService>().ApproveAsync(bureau.OutOfCatalogueId, version, true, null))
            .Succeeded.ShouldBeTrue();

        var a = await heardA.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var b = await heardB.Task.WaitAsync(TimeSpan.FromSeconds(5));
        a.ShouldBe(b);
        (a.EntityType, a.EntityId, a.Action, a.FromState, a.ToState).ShouldBe(("Disclosure", bureau.OutOfCatalogueId, WorkflowAction.Approve, "Submitted", "Approved"));
        a.OrganizationId.ShouldBe(bureau.BranchA);
    }

    [Fact]
    public async Task A_refused_call_announces_nothing_and_a_disposed_subscription_hears_nothing()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await ReviewBureau.CreateAsync(harness);
        var stream = harness.Services.GetRequiredService<LiveEventStream>();
        var heard = 0;
        var subscription = stream.Subscribe(_ => { Interlocked.Increment(ref heard); return Task.CompletedTask; });
        stream.SubscriberCount.ShouldBe(1);

        await harness.SignInAsync("drafterA");
        await using var scope = harness.NewScope();
        var service = scope.ServiceProvider.GetRequiredService<DisclosureReviewService>();
        (await service.ApproveAsync(bureau.InCatalogueId, 0, true, null)).Succeeded.ShouldBeFalse();
        heard.ShouldBe(0);

        subscription.Dispose();
        stream.SubscriberCount.ShouldBe(0);
        stream.Publish([new ChangeEvent("X", 1, null, WorkflowAction.Create, null, null, "n", DateTime.UtcNow, null)]);
        heard.ShouldBe(0);
    }

    [Fact]
    public async Task A_failing_subscriber_does_not_keep_the_others_from_hearing()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var stream = harness.Services.GetRequiredService<LiveEventStream>();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var broken = stream.Subscribe(_ => throw new InvalidOperationException("circuit gone"));
        using var healthy = stream.Subscribe(_ => { heard.TrySetResult(); return Task.CompletedTask; });
        stream.Publish([new ChangeEvent("X", 1, null, WorkflowAction.Create, null, null, "n", DateTime.UtcNow, null)]);
        await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    public static TheoryData<string, string, bool> Reach => new()
    {
        // what publishes → which subscription → whether it hears
        { "this node's commit", "everything", true },
        { "this node's commit", "own commits", true },
        { "another node's commit", "everything", true },
        { "another node's commit", "own commits", false },
        { "a reload", "everything", true },
        { "a reload", "own commits", false },
    };

    [Theory]
    [MemberData(nameof(Reach))]
    public void Other_nodes_changes_and_reloads_reach_every_subscriber_but_those_of_own_commits(string published, string subscription, bool hears)
    {
        var stream = new LiveEventStream(Microsoft.Extensions.Logging.Abstractions.NullLogger<LiveEventStream>.Instance);
        var heard = 0;
        Task Count(IReadOnlyList<ChangeEvent> _)
        {
            Interlocked.Increment(ref heard);
            return Task.CompletedTask;
        }
        using var _ = subscription == "own commits" ? stream.SubscribeToOwnCommits(Count) : stream.Subscribe(Count);
        var change = new ChangeEvent("Disclosure", 1, null, WorkflowAction.Approve, "Submitted", "Approved", "n", DateTime.UtcNow, null);

        switch (published)
        {
            case "this node's commit": stream.Publish([change]); break;
            case "another node's commit": stream.PublishFromElsewhere([change]); break;
            case "a reload": stream.PublishFromElsewhere([ChangeEvent.AnythingMayHaveChanged(DateTime.UtcNow)]); break;
        }

        heard.ShouldBe(hears ? 1 : 0);
    }
}
