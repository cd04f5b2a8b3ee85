using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class ApprovalConfiguration : IEntityTypeConfiguration<Approval>
{
    public void Configure(EntityTypeBuilder<Approval> b)
    {
        b.Property(a => a.ReviewerName).HasMaxLength(50);
        b.Property(a => a.ReviewerPost).HasMaxLength(40);
        b.Property(a => a.Comment).HasMaxLength(2000);
    }
}
