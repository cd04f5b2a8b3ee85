using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class BoardPostingItemConfiguration : IEntityTypeConfiguration<BoardPostingItem>
{
    public void Configure(EntityTypeBuilder<BoardPostingItem> b)
    {
        b.HasKey(i => new { i.BoardPostingId, i.DisclosureId });
        b.HasOne<Disclosure>().WithMany().HasForeignKey(i => i.DisclosureId).OnDelete(DeleteBehavior.Restrict);
    }
}
