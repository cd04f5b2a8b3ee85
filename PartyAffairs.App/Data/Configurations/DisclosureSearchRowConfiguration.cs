using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PartyAffairs.App.Data.Configurations;

/// <summary>The FTS table the migration AttachmentTextSearch created: mapped for reading only, never created or changed by a migration.</summary>
public sealed class DisclosureSearchRowConfiguration : IEntityTypeConfiguration<DisclosureSearchRow>
{
    public void Configure(EntityTypeBuilder<DisclosureSearchRow> b)
    {
        b.ToTable("DisclosureSearch", t => t.ExcludeFromMigrations());
        b.HasKey(r => r.RowId);
        b.Property(r => r.RowId).HasColumnName("rowid").ValueGeneratedNever();
    }
}
