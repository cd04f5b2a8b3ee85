using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Audit;
using PartyAffairs.App.Features.Board;
using PartyAffairs.App.Features.Catalogues.Import;
using PartyAffairs.App.Features.FeedbackHandling;
using PartyAffairs.App.Features.Inspections;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Publishing.Attachments;
using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.App.Features.Publishing.Drafting;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.Tests.Support;
using Xunit.Abstractions;

namespace PartyAffairs.Tests.Drills;

/// <summary>
/// Drill 6: well over a thousand generated inputs through every service that takes text or files. Each call answers with a
/// result (never an exception); a refusal says why; what is accepted is stored as the text it was (a body as its clean HTML)
/// and renders escaped.
/// </summary>
[Trait("Category", "Drill")]
public sealed class BadInputDrillTests(ITestOutputHelper log)
{
    private int calls;
    private int refused;

    [Fact]
    public async Task Generated_hostile_text_and_files_get_a_clear_answer_and_are_stored_as_text()
    {
        await using var harness = await ServiceHarness.CreateAsync(seedDemo: true);
        var now = harness.Time.GetUtcNow().UtcDateTime;
        int organizationId, onDisplay;
        string secretaryId;
        await using (var db = harness.NewDb())
        {
            organizationId = (await db.Users.Where(u => u.UserName == "drafter").Select(u => u.OrganizationId).SingleAsync()) ?? 0;
            secretaryId = await db.Users.Where(u => u.UserName == "secretary").Select(u => u.Id).SingleAsync();
            onDisplay = await db.Disclosures.Where(d => d.State == DisclosureState.Published && d.Audience == Audience.Public
                && d.DisplayFromUtc <= now && now < d.DisplayUntilUtc).Select(d => d.Id).FirstAsync();
        }
        var draft = await CrashDrillWriter.StepAsync<DraftService, int>(harness, "drafter", s => s.StartOutOfCatalogueAsync(organizationId, Category.Other, "输入演练"));
        var texts = BadInput.Texts().ToList();

        foreach (var text in texts)
        {
            await harness.SignInAsync("drafter");
            foreach (var (title, body) in new[] { (text, "正文"), ("标题", text) })
            {
                var saved = await CallAsync<DraftService, DraftSaved>(harness, async s => await s.SaveAsync(draft, await CrashDrillWriter.VersionAsync(harness, draft),
                    new DraftRequest(title, body, Channel.Board, Audience.Organization, now, now.AddDays(1), false)));
                if (!saved.Succeeded) continue;
                await using var db = harness.NewDb();
                var stored = await db.Disclosures.AsNoTracking().Where(d => d.Id == draft).Select(d => new { d.Title, d.Body }).SingleAsync();
                stored.Title.ShouldBe(Stored(title).Trim());
                // A body is stored cleaned (BodyHtml.Sanitize, no image of its own here) and every page shows it as stored.
                stored.Body.ShouldBe(Stored(BodyHtml.Sanitize(body, _ => false)));
                var html = stored.Body;
                // Escaped text (&lt;img onerror=…&gt;) is fine; a live tag, handler or script URL is not.
                System.Text.RegularExpressions.Regex.IsMatch(html,
                    @"<(script|iframe|svg|object|embed)\b|<[^>]*\son\w+\s*=|<[^>]*\s(href|src)\s*=\s*""?\s*(javascript|data):",
                    System.Text.RegularExpressions.RegexOptions.IgnoreCase).ShouldBeFalse(html);
            }

            harness.Auth.SignOut();
            await CallAsync<FeedbackSubmissionService, int>(harness, s => s.SubmitAsync(new FeedbackSubmission(onDisplay, text, true, null, null)));
            await CallAsync<FeedbackSubmissionService, int>(harness, s => s.SubmitAsync(new FeedbackSubmission(onDisplay, "意见", false, text, text)));
            await CallAsync<BoardService, BoardView>(harness, s => s.ListAsync(text));

            await harness.SignInAsync("office");
            await CallAsync<FeedbackHandlingService, int>(harness, s => s.RegisterOfflineAsync(
                new OfflineFeedbackRequest(onDisplay, FeedbackChannel.Letter, DateOnly.FromDateTime(now), text, text, null)));
            await CallAsync<ArchiveQueryService, ArchiveListView>(harness, s => s.ListAsync(new ArchiveFilter(Text: text)));
            await CallAsync<AuditLogService, AuditLogList>(harness, s => s.ListAsync(new AuditLogQuery(Person: text, Action: text, EntityType: text)));
            var inspection = await CallAsync<InspectionService, int>(harness, s => s.RecordAsync(new RecordInspectionRequest
            {
                OrganizationId = organizationId, Date = now, Inspectors = text, Notes = text,
                Rectifications = [new RectificationRequest { What = text, OwnerId = secretaryId, DueDate = now.AddDays(10) }],
            }));
            if (inspection.Succeeded)
            {
                await using var db = harness.NewDb();
                var stored = await db.Inspections.AsNoTracking().Include(i => i.Rectifications).SingleAsync(i => i.Id == inspection.Value);
                stored.Inspectors.ShouldBe(Stored(text).Trim());
                stored.Rectifications.Single().What.ShouldBe(Stored(text).Trim());
            }
            await CallAsync<SettingsService>(harness, async s => await s.SaveAsync((await s.GetAsync()) with { SensitiveWords = [text] }));
        }

        foreach (var (name, content) in BadInput.Files())
        {
            await harness.SignInAsync("office");
            await CallAsync<CatalogueImportService, CatalogueImportPreview>(harness, s => s.PreviewAsync(new MemoryStream(content), name));
            await CallAsync<CatalogueImportService, int>(harness, s => s.ImportAsync(2031, new MemoryStream(content), name));
            await harness.SignInAsync("drafter");
            await CallAsync<AttachmentService, int>(harness, async s => await s.UploadAsync(draft, await CrashDrillWriter.VersionAsync(harness, draft), name, new MemoryStream(content)));
        }

        // Nothing escaped the data directory, whatever the file was called.
        Directory.GetFiles(Path.GetDirectoryName(harness.DataDirectory)!, "escape*", SearchOption.AllDirectories).ShouldBeEmpty();
        log.WriteLine($"{calls} hostile calls, {refused} refused with a message, {calls - refused} accepted and stored as text");
        calls.ShouldBeGreaterThanOrEqualTo(1000);
    }

    /// <summary>SQLite keeps UTF-8: an unpaired surrogate cannot be stored and comes back as U+FFFD, the only change allowed.</summary>
    private static string Stored(string text) =>
        HasLoneSurrogate(text) ? System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text)) : text;

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    private async Task<Result> CallAsync<TService>(ServiceHarness harness, Func<TService, Task<Result>> call) where TService : notnull =>
        await CallAsync<TService, bool>(harness, async s =>
        {
            var result = await call(s);
            return result.Succeeded ? Result<bool>.Ok(true) : Result<bool>.From(result);
        });

    private async Task<Result<T>> CallAsync<TService, T>(ServiceHarness harness, Func<TService, Task<Result<T>>> call) where TService : notnull
    {
        await using var scope = harness.NewScope();
        Result<T> result;
        try
        {
            result = await call(scope.ServiceProvider.GetRequiredService<TService>());
        }
        catch (Exception ex)
        {
            throw new ShouldAssertException($"{typeof(TService).Name} threw instead of answering: {ex}");
        }
        calls++;
        if (!result.Succeeded)
        {
            refused++;
            result.Message.ShouldNotBeNullOrWhiteSpace($"{typeof(TService).Name} refused without a message ({result.Status})");
        }
        return result;
    }
}
