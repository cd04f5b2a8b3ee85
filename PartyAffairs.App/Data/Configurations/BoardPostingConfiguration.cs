using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class BoardPostingConfiguration : IEntityTypeConfiguration<BoardPosting>
{
    public void Configure(EntityTypeBuilder<BoardPosting> b)
    {
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.Location).HasMaxLength(BoardPosting.MaxLocationLength);
        b.Property(p => p.PhotoFileName).HasMaxLength(255);
        b.Property(p => p.PhotoContentType).HasMaxLength(100);
        b.Property(p => p.PhotoSha256).HasMaxLength(64).IsFixedLength();
        b.Property(p => p.PhotoStoredPath).HasMaxLength(400);
        b.Property(p => p.RecordedById).HasMaxLength(450);
        b.Property(p => p.RecordedByName).HasMaxLength(200);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.OrganizationId, p.PostedOn });
        b.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.BoardPostingId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(p => p.PendingAudit);
        b.Ignore(p => p.PendingAnnouncements);
    }
}
