using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Publishing.Attachments;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Drills;

/// <summary>
/// The crash drill's child: runs whole disclosure lives through the real services over one data directory — start a
/// draft, autosave it, attach a file (8 MB in the archiving drill, so a kill often lands while archiving copies it), submit, approve (which publishes), close at the end of display, archive — and after each commit
/// prints <c>ACK id state version</c>. It runs until it is killed.
/// </summary>
public static class CrashDrillWriter
{
    public const string Verb = "drill-writer";

    public static async Task<int> RunAsync(string dataDirectory, TextWriter output)
    {
        Directory.CreateDirectory(dataDirectory);
        var harness = await ServiceHarness.CreateAsync(seedDemo: true, dataDirectory: dataDirectory);
        await using (var db = harness.NewDb())
        {
            // A restarted writer goes on from where the last one stopped, so time in the record never runs backwards.
            var last = await db.AuditEntries.MaxAsync(a => (DateTime?)a.AtUtc);
            if (last is { } at && at > harness.Time.GetUtcNow().UtcDateTime) harness.Time.SetUtcNow(new DateTimeOffset(at.AddMinutes(1), TimeSpan.Zero));
        }
        int organizationId;
        await using (var db = harness.NewDb())
        {
            organizationId = (await db.Users.Where(u => u.UserName == "drafter").Select(u => u.OrganizationId).SingleAsync()) ?? 0;
        }
        await output.WriteLineAsync("READY");

        for (var round = 1; ; round++)
        {
            var id = await StepAsync<DraftService, int>(harness, "drafter", s => s.StartOutOfCatalogueAsync(organizationId, Category.Other, "崩溃演练"));
            await AckAsync(harness, output, id);
            var now = harness.Time.GetUtcNow().UtcDateTime;
            var request = new DraftRequest($"崩溃演练事项 {round}", $"第 {round} 轮：正文。", Channel.Board, Audience.Organization, now, now.AddHours(1), false);
            await StepAsync<DraftService, DraftSaved>(harness, "drafter", async s => await s.SaveAsync(id, await VersionAsync(harness, id), request));
            await AckAsync(harness, output, id);
            await StepAsync<AttachmentService, int>(harness, "drafter",
                async s => await s.UploadAsync(id, await VersionAsync(harness, id), $"演练附件{round}.pdf", new MemoryStream(LargePdf(round))));
            await AckAsync(harness, output, id);
            await StepAsync<DisclosureReviewService>(harness, "drafter", async s => await s.SubmitAsync(id, await VersionAsync(harness, id)));
            await AckAsync(harness, output, id);
            await StepAsync<DisclosureReviewService>(harness, "office", async s => await s.ApproveAsync(id, await VersionAsync(harness, id), true, null));
            await AckAsync(harness, output, id);

            harness.Time.Advance(TimeSpan.FromHours(2));
            await using (var scope = harness.NewScope())
            {
                await scope.ServiceProvider.GetRequiredService<DisplaySchedule>().RunDueAsync(CancellationToken.None);
            }
            await AckAsync(harness, output, id);
            var number = await StepAsync<ArchiveService, string>(harness, "office", s => s.ArchiveAsync(id));
            await output.WriteLineAsync($"ARCHIVED {id} {number}");
        }
    }

    /// <summary>A PDF-headed file of the size the drill asks for (<see cref="AttachmentBytesVariable"/>), different each round.</summary>
    private static byte[] LargePdf(int round)
    {
        var size = int.TryParse(Environment.GetEnvironmentVariable(AttachmentBytesVariable), out var asked) && asked >= 16 ? asked : 256 * 1024;
        var bytes = new byte[size];
        new Random(round).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>The size of each round's attachment: 8 MB in the archiving drill, so a kill often lands mid-copy.</summary>
    public const string AttachmentBytesVariable = "PARTYAFFAIRS_DRILL_ATTACHMENT_BYTES";

    internal static async Task StepAsync<TService>(ServiceHarness harness, string userName, Func<TService, Task<Result>> step) where TService : notnull
    {
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        var result = await step(scope.ServiceProvider.GetRequiredService<TService>());
        if (!result.Succeeded) throw new InvalidOperationException($"{typeof(TService).Name} refused: {result.Message}");
    }

    internal static async Task<T> StepAsync<TService, T>(ServiceHarness harness, string userName, Func<TService, Task<Result<T>>> step) where TService : notnull
    {
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        await harness.SignInAsync(userName);
        await using var scope = harness.NewScope();
        var result = await step(scope.ServiceProvider.GetRequiredService<TService>());
        return result.Succeeded ? result.Value! : throw new InvalidOperationException($"{typeof(TService).Name} refused: {result.Message}");
    }

    internal static async Task<int> VersionAsync(ServiceHarness harness, int id)
    {
        await using var db = harness.NewDb();
        return await db.Disclosures.Where(d => d.Id == id).Select(d => d.Version).SingleAsync();
    }

    /// <summary>Read back after the commit: what the acknowledgement promises is what the database said at that moment.</summary>
    private static async Task AckAsync(ServiceHarness harness, TextWriter output, int id)
    {
        await using var db = harness.NewDb();
        var row = await db.Disclosures.Where(d => d.Id == id).Select(d => new { d.State, d.Version }).SingleAsync();
        await output.WriteLineAsync($"ACK {id} {row.State} {row.Version}");
        await output.FlushAsync();
    }
}
