using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Archive;
using PartyAffairs.App.Features.Calendar;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;

namespace PartyAffairs.App.Hosting.Seeding;

/// <summary>
/// The living first run: the bureau of the source document with its people, this year's and last year's
/// catalogues, disclosures and feedback in every state, an inspection and an archived record — all dated
/// relative to the day of the first start and all made through the domain's own transitions, so the audit
/// trail is real. Runs once, on an empty database, when Demo:Seed is on.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<AppDbContext> dbFactory,
    UserManager<ApplicationUser> userManager,
    IOptions<DemoOptions> demo,
    IOptions<StorageOptions> storage,
    SettingsService settings,
    WorkingDayService workingDays,
    ArchiveWriter archive,
    BureauClock clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var organizations = await SeedOrganizationsAsync(cancellationToken);
        // Identity writes through its own context, so the people are committed before the story's transaction opens.
        var people = await SeedPeopleAsync(organizations, cancellationToken);

        int toArchive;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var story = new DemoStory(db, new DemoTimeline(clock), organizations, people,
                await settings.GetAsync(cancellationToken), await workingDays.GetCalendarAsync(cancellationToken), storage.Value);
            toArchive = (await story.TellAsync(cancellationToken)).Id;
            await transaction.CommitAsync(cancellationToken);
        }

        // Through the archive's own writer, as the Office would: the number, the copies and the digest are the real thing.
        await archive.ArchiveAsync(people.Office, toArchive, cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, Organization>> SeedOrganizationsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var root = DemoBureau.Organizations[0];
        var committee = new Organization(root.Name, root.Code, root.Kind, null, root.SortOrder);
        db.Organizations.Add(committee);
        await db.SaveChangesAsync(cancellationToken);

        var children = DemoBureau.Organizations.Skip(1)
            .Select(o => new Organization(o.Name, o.Code, o.Kind, committee.Id, o.SortOrder))
            .ToList();
        db.Organizations.AddRange(children);
        await db.SaveChangesAsync(cancellationToken);
        return children.Prepend(committee).ToDictionary(o => o.Code);
    }

    private async Task<DemoPeople> SeedPeopleAsync(IReadOnlyDictionary<string, Organization> organizations, CancellationToken cancellationToken)
    {
        var actors = new Dictionary<string, Actor>();
        foreach (var person in DemoBureau.People)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var organizationId = person.OrganizationCode is null ? (int?)null : organizations[person.OrganizationCode].Id;
            var user = new ApplicationUser
            {
                UserName = person.UserName,
                DisplayName = person.DisplayName,
                OrganizationId = organizationId,
                MustChangePassword = false,
                LockoutEnabled = true,
            };
            Check(await userManager.CreateAsync(user, demo.Value.Password), person.UserName);
            string[] roles = person.Role == Roles.Admin || person.Role == Roles.Member ? [person.Role] : [person.Role, Roles.Member];
            Check(await userManager.AddToRolesAsync(user, roles), person.UserName);
            var besides = (person.Besides ?? []).Select(b => new Post(b.Role, organizations[b.OrganizationCode].Id)).ToList();
            if (besides.Count > 0)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                db.UserPosts.AddRange(besides.Select(p => new UserPost(user.Id, p.OrganizationId!.Value, p.Role)));
                await db.SaveChangesAsync(cancellationToken);
            }
            actors[person.UserName] = new Actor(user.Id, person.DisplayName, organizationId, roles.Concat(besides.Select(p => p.Role)).ToHashSet())
            {
                Posts = Post.Of(organizationId, roles, besides),
            };
        }
        return new DemoPeople(actors);
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo user '{userName}': {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
