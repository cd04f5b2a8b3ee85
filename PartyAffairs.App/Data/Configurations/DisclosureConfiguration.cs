using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    /// <summary>A shadow column: the body's plain text, which the DisclosureSearch FTS table indexes.</summary>
    public const string BodyTextColumn = "BodyText";

    public void Configure(EntityTypeBuilder<Disclosure> b)
    {
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.BodyFormat).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.OutOfCatalogueReason).HasMaxLength(1000);
        b.Property(d => d.AuthorName).HasMaxLength(50);
        b.Property(d => d.RevisionReason).HasMaxLength(1000);
        b.Property(d => d.Version).IsConcurrencyToken();
        // The body's plain text for the board's search, kept by the board's BodyTextInterceptor on every save; not part of the domain.
        b.Property<string?>(BodyTextColumn);
        b.Ignore(d => d.PendingAudit);
        b.Ignore(d => d.PendingAnnouncements);
        b.HasOne(d => d.Organization).WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.CatalogueOccurrence).WithMany().HasForeignKey(d => d.CatalogueOccurrenceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Disclosure>().WithMany().HasForeignKey(d => d.RevisesDisclosureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Disclosure>().WithMany().HasForeignKey(d => d.SupersededByDisclosureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DisclosureId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Attachments).WithOne().HasForeignKey(a => a.DisclosureId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Approvals).WithOne().HasForeignKey(a => a.DisclosureId).OnDelete(DeleteBehavior.Cascade);
        // The board and the dashboard ask by state and display window; the board then by audience and organization and newest
        // first: with those in the index a city's ~12,000 published rows are counted and sorted without reading a row (CityScaleIndexes).
        b.HasIndex(d => new { d.State, d.DisplayFromUtc, d.DisplayUntilUtc, d.Audience, d.OrganizationId, d.PublishedAtUtc });
        // The board's history, newest first, a page at a time: walked in this order, a page reads its 20 rows, not every past one
        // sorted (a city's 190,000: 2.3 s).
        b.HasIndex(d => new { d.DisplayFromUtc, d.State, d.Audience });
        // The same walk for an anonymous visitor (Audience = Public first): the bundled SQLite otherwise takes the state index
        // for `State IN (Published, Closed)` and sorts a city's 195,000 past public rows for every page (0.4–0.6 s; with it 2 ms).
        b.HasIndex(d => new { d.Audience, d.DisplayFromUtc, d.State, d.DisplayUntilUtc });
        // What the startup conversions look for: empty once they are done, so asking costs nothing at every start
        // (without them each start scanned 300,000 bodies twice at a city).
        b.HasIndex(d => d.Id, "IX_Disclosures_BodyTextPending").HasFilter($"\"{BodyTextColumn}\" IS NULL");
        b.HasIndex(d => d.Id, "IX_Disclosures_MarkdownBodies").HasFilter("\"BodyFormat\" = 'Markdown'");
        b.HasIndex(d => new { d.OrganizationId, d.State });
        // The assessment counts what each organization published in a period, and the annual report the same by category, audience
        // and channel, from this index alone: every column their rules read (in or out of catalogue, re-disclosed) is in it
        // (a city's year: 112 → 46 ms and 120 → 46 ms in sqlite3; the app's reads took 201 and 145 ms without it).
        b.HasIndex(d => new { d.PublishedAtUtc, d.OrganizationId, d.RevisesDisclosureId, d.CatalogueOccurrenceId, d.Category, d.Audience, d.Channels });
    }
}
