using System.Diagnostics;
using System.Security.Cryptography;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Shared;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.Admin.Users.Import;

/// <summary>
/// Members in bulk: the Admin, or the Office for its bureau, previews a member file, imports it whole or not at all,
/// fetches the new accounts' initial passwords once, and exports the member list. The import checks the file again
/// from scratch whatever the preview said, hashes the one-time passwords in parallel (PBKDF2 is the slow part), and
/// writes every account and role in one save: UserManager one account at a time took minutes for a bureau.
/// </summary>
public sealed class MemberImportService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    Outcomes outcomes,
    IPasswordHasher<ApplicationUser> hasher,
    ILookupNormalizer normalizer,
    IOptions<IdentityOptions> identityOptions,
    IMemberPasswordLists passwordLists,
    IStringLocalizer<AdminStrings> text,
    IStringLocalizer<CatalogueImportStrings> fileText,
    ILogger<MemberImportService> logger)
{
    /// <summary>5,000 lines of a member list are well under a megabyte; far larger files are a mistake, refused before parsing.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>How many problems the refusal of an import spells out; the preview lists them all.</summary>
    private const int ErrorsInMessage = 10;

    public static bool MayImport(Actor actor) => AccessPolicy.IsAdmin(actor) || actor.IsInRole(Roles.Office);

    public Task<Result<MemberImportPreview>> PreviewAsync(Stream content, string fileName, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureImporterAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await AnalyseAsync(db, actor, content, fileName, cancellationToken);
        });

    /// <summary>Creates every account of the file, or none; returns how many and the token of their password list.</summary>
    public Task<Result<MemberImportResult>> ImportAsync(Stream content, string fileName, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureImporterAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var preview = await AnalyseAsync(db, actor, content, fileName, cancellationToken);
            if (!preview.CanImport)
            {
                var shown = preview.Errors.Take(ErrorsInMessage)
                    .Select(e => new ValidationFailure(e.Row is { } row ? $"{row}:{e.Column}" : "file", e.Text)).ToList();
                if (preview.Errors.Count > ErrorsInMessage) shown.Add(new ValidationFailure("file", text["Members.MoreErrors", preview.Errors.Count]));
                throw new ValidationException(shown);
            }

            var rows = preview.ValidRows;
            var roleIds = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
            var stopwatch = Stopwatch.StartNew();
            var (users, passwords) = NewAccounts(rows);
            var hashing = stopwatch.Elapsed;

            db.Users.AddRange(users);
            db.UserRoles.AddRange(users.Zip(rows).SelectMany(p => p.Second.Roles.Select(role =>
                new IdentityUserRole<string> { UserId = p.First.Id, RoleId = roleIds[role] })));
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                // The unique index on the normalized name: someone took one of these names since the check.
                catch (DbUpdateException)
                {
                    throw new ValidationException([new ValidationFailure("file", text["Members.NamesTakenMeanwhile"])]);
                }
                await transaction.CommitAsync(cancellationToken);
            }

            var list = MemberSpreadsheet.Passwords(rows.Select((r, i) => (r.DisplayName, r.UserName, r.OrganizationName, passwords[i])));
            var token = await passwordLists.PutAsync(actor.UserId, list, cancellationToken);
            logger.LogInformation("{Actor} imported {Count} members from {File} (hashing {Hashing} ms, total {Total} ms)",
                actor.UserId, users.Count, Path.GetFileName(fileName), (int)hashing.TotalMilliseconds, (int)stopwatch.Elapsed.TotalMilliseconds);
            return new MemberImportResult(users.Count, token);
        });

    /// <summary>The initial-password list of an import, to the person who made it, once: the second call finds nothing.</summary>
    public Task<Result<byte[]>> TakePasswordListAsync(string token, CancellationToken cancellationToken = default) =>
        outcomes.RunAsync(async () =>
        {
            var actor = await EnsureImporterAsync(cancellationToken);
            var list = await passwordLists.TakeAsync(actor.UserId, token, cancellationToken) ?? throw new NotFoundException();
            logger.LogInformation("{Actor} downloaded the initial passwords of an import", actor.UserId);
            return list;
        });

    /// <summary>Every account in the import's columns (so the file imports again elsewhere), with its state.</summary>
    public Task<Result<IReadOnlyList<MemberExportLine>>> ExportAsync(CancellationToken cancellationToken = default) =>
        outcomes.RunAsync<IReadOnlyList<MemberExportLine>>(async () =>
        {
            await EnsureImporterAsync(cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var users = await db.Users.AsNoTracking()
                .OrderBy(u => u.Organization == null ? int.MaxValue : u.Organization.SortOrder).ThenBy(u => u.OrganizationId).ThenBy(u => u.UserName)
                .Select(u => new { u.Id, u.DisplayName, u.UserName, Organization = u.Organization == null ? null : u.Organization.Name, u.PhoneNumber, u.MemberCategory, u.Disabled })
                .ToListAsync(cancellationToken);
            var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
                    .ToListAsync(cancellationToken))
                .ToLookup(x => x.UserId, x => x.Name!);
            return users.Select(u => new MemberExportLine(u.DisplayName, u.UserName ?? "", u.Organization, roles[u.Id].ToList(), u.PhoneNumber,
                    u.MemberCategory, u.Disabled))
                .ToList();
        });

    /// <summary>
    /// The accounts as UserManager.CreateAsync would make them (normalized name, security stamp, lockout allowed, a hashed
    /// one-time password the person must change), and those passwords in the same order. Only the hashing runs in parallel.
    /// </summary>
    private (List<ApplicationUser> Users, string[] Passwords) NewAccounts(IReadOnlyList<MemberRow> rows)
    {
        var lockout = identityOptions.Value.Lockout.AllowedForNewUsers;
        var users = rows.Select(r => new ApplicationUser
        {
            UserName = r.UserName,
            NormalizedUserName = normalizer.NormalizeName(r.UserName),
            DisplayName = r.DisplayName,
            OrganizationId = r.OrganizationId,
            PhoneNumber = r.Phone,
            MemberCategory = r.Category,
            MustChangePassword = true,
            LockoutEnabled = lockout,
            SecurityStamp = NewSecurityStamp(),
        }).ToList();
        var passwords = rows.Select(_ => OneTimePassword.Create()).ToArray();
        Parallel.For(0, users.Count, i => users[i].PasswordHash = hasher.HashPassword(users[i], passwords[i]));
        return (users, passwords);
    }

    /// <summary>Identity's own form of a stamp: 20 random bytes in base32.</summary>
    private static string NewSecurityStamp()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = RandomNumberGenerator.GetBytes(20);
        var chars = new char[32];
        for (var i = 0; i < 32; i++)
        {
            var bit = i * 5;
            var value = (bytes[bit / 8] << 8 | (bit / 8 + 1 < bytes.Length ? bytes[bit / 8 + 1] : 0)) >> (11 - bit % 8) & 31;
            chars[i] = alphabet[value];
        }
        return new string(chars);
    }

    private async Task<Actor> EnsureImporterAsync(CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        AccessPolicy.Ensure(MayImport(actor));
        return actor;
    }

    private async Task<MemberImportPreview> AnalyseAsync(AppDbContext db, Actor actor, Stream content, string fileName, CancellationToken cancellationToken)
    {
        var bytes = await ReadCappedAsync(content, cancellationToken);
        if (bytes is null)
        {
            var message = text["Members.TooLarge", MaxFileBytes / 1024 / 1024];
            return new MemberImportPreview(fileName, [], [new MemberImportError(null, null, message, message)]);
        }
        var organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.SortOrder).ThenBy(o => o.Id)
            .Select(o => new MemberOrganization(o.Id, o.Name, o.Code, o.IsActive))
            .ToListAsync(cancellationToken);
        var userNames = await db.Users.AsNoTracking().Select(u => u.UserName!).ToListAsync(cancellationToken);
        var context = new MemberImportContext(organizations, userNames, AccessPolicy.IsAdmin(actor));
        return new MemberImportAnalyzer(text, fileText, context).Analyse(bytes, fileName);
    }

    /// <summary>The file's bytes, or null as soon as it passes the limit, so an oversized upload is never held whole.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream content, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > MaxFileBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxFileBytes) return null;
        }
        return buffer.ToArray();
    }
}
