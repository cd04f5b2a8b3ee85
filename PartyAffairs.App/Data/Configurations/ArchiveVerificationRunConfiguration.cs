using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class ArchiveVerificationRunConfiguration : IEntityTypeConfiguration<ArchiveVerificationRun>
{
    public void Configure(EntityTypeBuilder<ArchiveVerificationRun> b)
    {
        b.Property(r => r.Trigger).HasMaxLength(20);
        b.Property(r => r.StartedById).HasMaxLength(450);
        b.Property(r => r.Problems).HasMaxLength(ArchiveVerificationRun.ProblemsMaxLength);
        b.HasIndex(r => r.FinishedAtUtc);
    }
}
