using Microsoft.EntityFrameworkCore;
using PartyAffairs.App.Domain;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Data;

/// <summary>The audit log stores an action as its name, as it did when it was a string: rows written before still read back.</summary>
public sealed class WorkflowActionStorageTests
{
    /// <summary>Every verb any release ever wrote to AuditEntries.Action (from the history of the entities, services, seeders and the load generator).</summary>
    private static readonly string[] Stored =
    [
        "Create", "Submit", "Reject", "Approve", "PutInForce", "Discard", "Amend", "ReplanStanding", "Redate", "RemoveChange", "Revise",
        "OverrideSensitiveWords", "Publish", "Supersede", "Close", "Withdraw", "ReopenOccurrence", "Receive", "Assign", "Answer", "Report",
        "Acknowledge", "MarkAbusive", "StartRedisclosure", "Add", "Complete", "Archive", "OpenPhase", "RecordEvent", "DiscloseResult",
    ];

    public static TheoryData<string> EverStored => new(Stored);

    [Fact]
    public async Task Every_action_ever_stored_reads_back_and_a_new_one_is_stored_as_its_name()
    {
        await using var harness = await ServiceHarness.CreateAsync();
        await using var db = harness.NewDb();
        var stored = Stored.ToList();
        for (var i = 0; i < stored.Count; i++)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "AuditEntries" ("AtUtc", "ActorId", "ActorName", "EntityType", "EntityId", "OrganizationId", "Action")
                VALUES ('2026-01-01 00:00:00', 'u', '某人', 'Disclosure', {i + 1}, NULL, {stored[i]})
                """);
        }

        var read = await db.AuditEntries.AsNoTracking().OrderBy(a => a.EntityId).Select(a => a.Action).ToListAsync();
        read.Select(a => a.ToString()).ShouldBe(stored);

        db.AuditEntries.Add(new AuditEntry(Actor.System, harness.Time.GetUtcNow().UtcDateTime, "Disclosure", 999, null,
            WorkflowAction.StartRedisclosure, null, null, null));
        await db.SaveChangesAsync();
        (await db.Database.SqlQuery<string>($"""SELECT "Action" AS "Value" FROM "AuditEntries" WHERE "EntityId" = 999""").SingleAsync())
            .ShouldBe("StartRedisclosure");
        (await db.AuditEntries.CountAsync(a => a.Action == WorkflowAction.DiscloseResult)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(EverStored))]
    public void Every_stored_verb_is_a_value_of_the_enum(string stored) =>
        Enum.GetNames<WorkflowAction>().ShouldContain(stored);
}
