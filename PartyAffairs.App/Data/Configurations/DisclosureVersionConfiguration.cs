using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class DisclosureVersionConfiguration : IEntityTypeConfiguration<DisclosureVersion>
{
    public void Configure(EntityTypeBuilder<DisclosureVersion> b)
    {
        b.Property(v => v.Title).HasMaxLength(200);
        b.Property(v => v.BodyFormat).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(v => new { v.DisclosureId, v.Number }).IsUnique();
        // What MarkdownBodyConversion looks for at every start: empty once done, so the look costs nothing (CityScaleIndexes).
        b.HasIndex(v => v.Id, "IX_DisclosureVersions_MarkdownBodies").HasFilter("\"BodyFormat\" = 'Markdown'");
    }
}
