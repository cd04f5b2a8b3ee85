using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class ArchiveRecordConfiguration : IEntityTypeConfiguration<ArchiveRecord>
{
    public void Configure(EntityTypeBuilder<ArchiveRecord> b)
    {
        b.Property(r => r.ArchiveNumber).HasMaxLength(40);
        b.HasIndex(r => r.ArchiveNumber).IsUnique();
        // Numbers are gap-free per organization and year; the chain is one line for the bureau.
        b.HasIndex(r => new { r.OrganizationId, r.Year, r.Sequence }).IsUnique();
        b.HasIndex(r => r.ChainIndex).IsUnique();
        b.HasIndex(r => r.DisclosureId).IsUnique();
        b.Property(r => r.Digest).HasMaxLength(64);
        b.Property(r => r.PreviousDigest).HasMaxLength(64);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Disclosure>().WithMany().HasForeignKey(r => r.DisclosureId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Files).WithOne().HasForeignKey(f => f.ArchiveRecordId).OnDelete(DeleteBehavior.Restrict);
    }
}
