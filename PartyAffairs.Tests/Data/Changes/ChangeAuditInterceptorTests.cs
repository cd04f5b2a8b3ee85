using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Data.Changes;

/// <summary>
/// What a save announces, and when: every audit row it inserts and every announcement, once committed, never before and
/// never for what did not commit. Subscribers are called synchronously by <see cref="LiveEventStream.Publish"/>, so what
/// was heard when a call returns is all that was published by it.
/// </summary>
public sealed class ChangeAuditInterceptorTests
{
    private static (List<ChangeEvent> Heard, IDisposable Subscription) Listen(ServiceHarness harness)
    {
        var heard = new List<ChangeEvent>();
        var subscription = harness.Services.GetRequiredService<LiveEventStream>().Subscribe(events =>
        {
            lock (heard) heard.AddRange(events);
            return Task.CompletedTask;
        });
        return (heard, subscription);
    }

    private static AuditEntry Row(ServiceHarness harness, WorkflowAction action, int entityId) =>
        new(Actor.System, harness.Time.GetUtcNow().UtcDateTime, nameof(ArchiveRecord), entityId, null, action, null, null, "测试");

    [Fact]
    public async Task Every_context_the_factory_hands_out_uses_the_one_interceptor_of_the_container()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await using var db = harness.NewDb();
        var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors!;
        interceptors.ShouldContain(i => ReferenceEquals(i, harness.Services.GetRequiredService<ChangeAuditInterceptor>()));
    }

    [Fact]
    public async Task A_row_a_service_adds_itself_is_announced_when_its_transaction_commits_and_not_before()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (heard, subscription) = Listen(harness);
        using var _ = subscription;
        await using var db = harness.NewDb();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.AuditEntries.Add(Row(harness, WorkflowAction.Archive, 41));
            await db.SaveChangesAsync();
            lock (heard) heard.ShouldBeEmpty();
            await transaction.CommitAsync();
        }

        lock (heard) heard.Select(e => (e.Action, e.EntityId)).ShouldBe([(WorkflowAction.Archive, 41)]);
    }

    [Fact]
    public async Task A_row_saved_without_a_transaction_is_announced_by_the_save()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (heard, subscription) = Listen(harness);
        using var _ = subscription;
        await using var db = harness.NewDb();

        db.AuditEntries.Add(Row(harness, WorkflowAction.OpenPhase, 7));
        await db.SaveChangesAsync();

        lock (heard) heard.Select(e => (e.Action, e.EntityId)).ShouldBe([(WorkflowAction.OpenPhase, 7)]);
    }

    [Fact]
    public async Task A_rolled_back_transaction_announces_nothing_and_the_next_one_only_its_own()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (heard, subscription) = Listen(harness);
        using var _ = subscription;
        await using var db = harness.NewDb();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.AuditEntries.Add(Row(harness, WorkflowAction.Archive, 1));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.AuditEntries.Add(Row(harness, WorkflowAction.Archive, 2));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        lock (heard) heard.Select(e => e.EntityId).ShouldBe([2]);
        (await db.AuditEntries.Select(a => a.EntityId).ToListAsync()).ShouldBe([2]);
    }

    [Fact]
    public async Task A_new_entity_is_announced_under_its_new_id_once_its_audited_save_commits()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (heard, subscription) = Listen(harness);
        using var _ = subscription;
        await using var db = harness.NewDb();

        var catalogue = new Catalogue(2026, "目录", "模板", Actor.System, harness.Time.GetUtcNow().UtcDateTime);
        db.Catalogues.Add(catalogue);
        await db.SaveChangesAsync();

        catalogue.Id.ShouldBeGreaterThan(0);
        lock (heard) heard.Select(e => (e.EntityType, e.EntityId, e.Action)).ShouldBe([(nameof(Catalogue), catalogue.Id, WorkflowAction.Create)]);
        catalogue.PendingAudit.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_deleted_entitys_last_entry_is_written_and_announced_beside_a_new_entitys_first()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var now = harness.Time.GetUtcNow().UtcDateTime;
        await using var db = harness.NewDb();
        var old = new Catalogue(2026, "旧目录", "模板", Actor.System, now);
        db.Catalogues.Add(old);
        await db.SaveChangesAsync();
        var (heard, subscription) = Listen(harness);
        using var _ = subscription;

        old.Discard(Actor.System, now, "替换");
        db.Catalogues.Remove(old);
        var replacement = new Catalogue(2026, "新目录", "导入", Actor.System, now);
        db.Catalogues.Add(replacement);
        await db.SaveChangesAsync();

        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Action != WorkflowAction.Create || a.EntityId == replacement.Id)
            .OrderBy(a => a.Id).Select(a => new { a.EntityId, a.Action }).ToListAsync();
        rows.Select(r => (r.EntityId, r.Action)).ShouldBe([(old.Id, WorkflowAction.Discard), (replacement.Id, WorkflowAction.Create)]);
        lock (heard) heard.Select(e => (e.EntityId, e.Action)).ShouldBe([(old.Id, WorkflowAction.Discard), (replacement.Id, WorkflowAction.Create)]);
    }

    [Fact]
    public async Task An_announcement_reaches_the_listeners_once_saved_and_leaves_no_audit_row()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var bureau = await ReviewBureau.CreateAsync(harness);
        var (heard, subscription) = Listen(harness);
        using var _ = subscription;
        await using var db = harness.NewDb();
        var rows = await db.AuditEntries.CountAsync();
        var disclosure = await db.Disclosures.SingleAsync(d => d.Id == bureau.OutOfCatalogueId);
        var version = disclosure.Version;

        disclosure.AnnounceSensitiveWordsChanged(Actor.System, harness.Time.GetUtcNow().UtcDateTime);
        lock (heard) heard.ShouldBeEmpty();
        await db.SaveChangesAsync();

        lock (heard) heard.Select(e => (e.EntityId, e.Action)).ShouldBe([(bureau.OutOfCatalogueId, WorkflowAction.SensitiveWordsChanged)]);
        (await db.AuditEntries.CountAsync()).ShouldBe(rows);
        disclosure.Version.ShouldBe(version);
        disclosure.PendingAnnouncements.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_save_that_fails_announces_nothing()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        var (heard, subscription) = Listen(harness);
        using var _ = subscription;
        await using var db = harness.NewDb();

        // An organization under a parent that does not exist breaks a foreign key: the save fails as a whole.
        db.Organizations.Add(new Organization("支部", "ZB", OrganizationKind.Branch, 999_999, 1));
        db.AuditEntries.Add(Row(harness, WorkflowAction.Archive, 3));
        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

        lock (heard) heard.ShouldBeEmpty();
    }
}
