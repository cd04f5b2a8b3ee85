using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class ArchiveFileConfiguration : IEntityTypeConfiguration<ArchiveFile>
{
    public void Configure(EntityTypeBuilder<ArchiveFile> b)
    {
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.StoredPath).HasMaxLength(400);
        b.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
    }
}
