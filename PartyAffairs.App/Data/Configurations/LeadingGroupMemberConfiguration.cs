using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class LeadingGroupMemberConfiguration : IEntityTypeConfiguration<LeadingGroupMember>
{
    public void Configure(EntityTypeBuilder<LeadingGroupMember> b)
    {
        b.Property(m => m.PersonName).HasMaxLength(50);
        b.Property(m => m.Post).HasMaxLength(100);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
