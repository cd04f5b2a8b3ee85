using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Audit;

/// <summary>
/// The audit log (who did what to which record, when, from which state to which, why) for the Office and Leaders,
/// filtered and paged in the database, and exported as CSV that Excel opens in Chinese.
/// </summary>
public sealed class AuditLogService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    IValidator<AuditLogQuery> validator,
    BureauClock clock,
    IStringLocalizer<ArchiveStrings> text,
    IStringLocalizer<AdminStrings> roleText,
    Outcomes outcomes)
{
    public const int MaxPageSize = 200;
    /// <summary>An export bigger than this is cut: narrow the filters instead.</summary>
    public const int MaxExportRows = 100_000;

    public Task<Result<AuditLogOptions>> OptionsAsync(CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await EnsureAllowedAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var types = await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
            // DISTINCT over every entry read the whole log (1.6 million rows at a city); asking the Action index whether each verb
            // occurs is one seek a verb. Sorted by name, as the database sorted the stored text.
            var actions = new List<string>();
            foreach (var action in Enum.GetValues<WorkflowAction>())
            {
                if (await db.AuditEntries.AnyAsync(a => a.Action == action, cancellationToken)) actions.Add(action.ToString());
            }
            actions.Sort(StringComparer.Ordinal);
            return new AuditLogOptions(types, actions);
        });

    public Task<Result<AuditLogList>> ListAsync(AuditLogQuery query, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await EnsureAllowedAsync(cancellationToken);
            await Outcomes.ValidateAsync(validator, query, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var filtered = Filter(db, query);
            var total = await filtered.CountAsync(cancellationToken);
            var rows = await Project(db, NewestFirst(filtered).Skip(query.Page * query.PageSize).Take(query.PageSize))
                .ToListAsync(cancellationToken);
            return new AuditLogList(await RedactAsync(db, rows, cancellationToken), total);
        });

    /// <summary>
    /// The filtered log as CSV: UTF-8 with a byte-order mark (Excel otherwise reads Chinese as mojibake), bureau local
    /// times, and every text cell through <see cref="SpreadsheetText.Safe"/> so a reason like "=HYPERLINK(…)" stays text.
    /// </summary>
    public Task<Result<byte[]>> ExportCsvAsync(AuditLogQuery query, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            await EnsureAllowedAsync(cancellationToken);
            await Outcomes.ValidateAsync(validator, query with { Page = 0, PageSize = 1 }, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = await RedactAsync(db,
                await Project(db, Filter(db, query).OrderBy(a => a.AtUtc).ThenBy(a => a.Id).Take(MaxExportRows)).ToListAsync(cancellationToken),
                cancellationToken);
            var csv = new StringBuilder();
            AppendLine(csv, [text["Audit.At"], text["Audit.Actor"], text["Audit.Organization"], text["Audit.EntityType"], text["Audit.EntityId"],
                text["Audit.Action"], text["Audit.FromState"], text["Audit.ToState"], text["Audit.Reason"]]);
            foreach (var r in rows)
            {
                AppendLine(csv, [clock.ToLocal(r.AtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.ActorName,
                    r.OrganizationName, r.EntityType, r.EntityId.ToString(CultureInfo.InvariantCulture), r.Action.ToString(), r.FromState, r.ToState, r.Reason]);
            }
            // The log is append-only: older entries that name an anonymous sender are redacted in the export, which then says so last.
            if (rows.Any(r => r.ActorName == FeedbackAnonymity.ActorName)) AppendLine(csv, [text["Audit.RedactionNote"]]);
            return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        });

    private async Task EnsureAllowedAsync(CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        AccessPolicy.Ensure(actor.SeesWholeBureau);
    }

    private IQueryable<AuditEntry> Filter(AppDbContext db, AuditLogQuery q)
    {
        var query = db.AuditEntries.AsNoTracking();
        // Contains becomes instr(): % and _ in a name are plain characters.
        // A redacted entry must not be found by the name it hides.
        if (!string.IsNullOrWhiteSpace(q.Person))
            query = query.Where(a => a.ActorName.Contains(q.Person.Trim())).Where(FeedbackAnonymity.NotRedacted(db.Feedback));
        if (q.OrganizationId is { } organizationId) query = query.Where(a => a.OrganizationId == organizationId);
        if (!string.IsNullOrWhiteSpace(q.EntityType)) query = query.Where(a => a.EntityType == q.EntityType);
        if (q.EntityId is { } entityId) query = query.Where(a => a.EntityId == entityId);
        // The filter comes as text (a link, the CSV's query string): a name no verb has finds nothing.
        if (!string.IsNullOrWhiteSpace(q.Action))
        {
            query = Enum.TryParse<WorkflowAction>(q.Action, out var action) && Enum.GetName(action) == q.Action
                ? query.Where(a => a.Action == action)
                : query.Where(a => false);
        }
        if (q.From is { } from)
        {
            var start = clock.StartOfDayUtc(from);
            query = query.Where(a => a.AtUtc >= start);
        }
        if (q.To is { } to)
        {
            var end = clock.StartOfDayUtc(to.AddDays(1));
            query = query.Where(a => a.AtUtc < end);
        }
        return query;
    }

    /// <summary>
    /// Newest first by the moment it happened, not by id: entries written later may record an earlier moment (a backfill,
    /// an import, the demo seed), and one save writes its entries in no particular order; ties fall back to the id.
    /// </summary>
    internal static IOrderedQueryable<AuditEntry> NewestFirst(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id);

    private static IQueryable<AuditLogRow> Project(AppDbContext db, IQueryable<AuditEntry> entries) =>
        entries.Select(a => new AuditLogRow(a.Id, a.AtUtc, a.ActorName,
            db.Organizations.Where(o => o.Id == a.OrganizationId).Select(o => o.Name).FirstOrDefault(),
            a.EntityType, a.EntityId, a.Action, a.FromState, a.ToState, a.Reason,
            a.EntityType == nameof(Catalogue) ? db.Catalogues.Where(c => c.Id == a.EntityId).Select(c => (int?)c.Year).FirstOrDefault() : null,
            a.ActorPost));

    /// <summary>Anonymous senders stay anonymous; recorded posts are named.</summary>
    private async Task<List<AuditLogRow>> RedactAsync(AppDbContext db, List<AuditLogRow> rows, CancellationToken cancellationToken)
    {
        var redacted = await AuditRedaction.RedactedAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken);
        var postName = await PostNames.ForAsync(db, rows.Select(r => r.ActorPost), roleText, cancellationToken);
        return rows.Select(r => redacted.Contains(r.Id) ? r with { ActorName = FeedbackAnonymity.ActorName, ActorPost = null } : r with { ActorPost = postName(r.ActorPost) })
            .ToList();
    }

    private static void AppendLine(StringBuilder csv, IEnumerable<string?> cells)
    {
        csv.AppendJoin(',', cells.Select(c => Quote(SpreadsheetText.Safe(c)))).Append("\r\n");
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
}
