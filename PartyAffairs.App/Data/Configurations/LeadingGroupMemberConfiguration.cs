using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class LeadingGroupMemberConfiguration : IEntityTypeConfiguration<LeadingGroupMember>
{
    public void Configure(EntityTypeBuilder<LeadingGroupMember> b)
    {
        b.Property(m => m.PersonName).HasMaxLength(LeadingGroupMember.PersonNameMaxLength);
        b.Property(m => m.Post).HasMaxLength(LeadingGroupMember.PostMaxLength);
        b.Property(m => m.Version).IsConcurrencyToken();
        // Seats written before dates were kept count as held since long before anyone asks.
        b.Property(m => m.ValidFrom).HasDefaultValue(new DateOnly(2000, 1, 1));
        b.HasIndex(m => new { m.ValidFrom, m.ValidUntil });
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
