using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.Configurations;

public sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> b)
    {
        b.Property(f => f.Content).HasMaxLength(Domain.Feedback.MaxContentLength);
        b.Property(f => f.SenderName).HasMaxLength(50);
        b.Property(f => f.SenderContact).HasMaxLength(100);
        b.Property(f => f.Answer).HasMaxLength(Domain.Feedback.MaxAnswerLength);
        b.Property(f => f.Resolution).HasMaxLength(Domain.Feedback.MaxAnswerLength);
        b.Property(f => f.PublicSummary).HasMaxLength(Domain.Feedback.MaxSummaryLength);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.Ignore(f => f.PendingAudit);
        b.HasOne(f => f.Disclosure).WithMany().HasForeignKey(f => f.DisclosureId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.State, f.StepDueAtUtc });
        b.HasIndex(f => f.DisclosureId);
        // The assessment reads the feedback received in a period.
        b.HasIndex(f => f.ReceivedAtUtc);
    }
}
