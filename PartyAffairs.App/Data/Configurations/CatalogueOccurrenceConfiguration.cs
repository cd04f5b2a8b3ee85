using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class CatalogueOccurrenceConfiguration : IEntityTypeConfiguration<CatalogueOccurrence>
{
    public void Configure(EntityTypeBuilder<CatalogueOccurrence> b)
    {
        b.Property(o => o.Label).HasMaxLength(100);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => new { o.CatalogueItemId, o.Sequence }).IsUnique();
        b.HasIndex(o => new { o.State, o.DueDate });
    }
}
