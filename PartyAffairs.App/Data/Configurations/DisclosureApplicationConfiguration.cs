using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class DisclosureApplicationConfiguration : IEntityTypeConfiguration<DisclosureApplication>
{
    public void Configure(EntityTypeBuilder<DisclosureApplication> b)
    {
        b.ToTable("Applications");
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Property(a => a.Subject).HasMaxLength(DisclosureApplication.MaxSubjectLength);
        b.Property(a => a.Purpose).HasMaxLength(DisclosureApplication.MaxPurposeLength);
        b.Property(a => a.ApplicantName).HasMaxLength(50);
        b.Property(a => a.ApplicantContact).HasMaxLength(100);
        b.Property(a => a.Answer).HasMaxLength(DisclosureApplication.MaxAnswerLength);
        b.Property(a => a.Withheld).HasMaxLength(DisclosureApplication.MaxAnswerLength);
        b.Property(a => a.RefusalText).HasMaxLength(DisclosureApplication.MaxReasonLength);
        b.Property(a => a.ExtensionReason).HasMaxLength(DisclosureApplication.MaxReasonLength);
        b.Property(a => a.TrackingCodeHash).HasMaxLength(TrackingCode.HashLength);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Refusal).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Channel).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(a => a.TrackingCodeHash).IsUnique().HasFilter("TrackingCodeHash IS NOT NULL");
        b.HasOne(a => a.Organization).WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Disclosure).WithMany().HasForeignKey(a => a.DisclosureId).OnDelete(DeleteBehavior.Restrict);
        // The Office's list (newest first), the late ones (open, oldest due first), the annual report's year by organization.
        b.HasIndex(a => a.ReceivedAtUtc);
        b.HasIndex(a => new { a.State, a.DueOn });
        b.HasIndex(a => new { a.OrganizationId, a.ReceivedAtUtc });
        b.HasIndex(a => a.SubmittedById);
        b.Ignore(a => a.PendingAudit);
        b.Ignore(a => a.PendingAnnouncements);
    }
}
