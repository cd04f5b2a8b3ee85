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
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.TrackingCodeHash).HasMaxLength(TrackingCode.HashLength);
        b.Property(f => f.SenderReply).HasMaxLength(Domain.Feedback.MaxReplyLength);
        b.Property(f => f.Version).IsConcurrencyToken();
        // /track finds feedback by its code's hash; two pieces never share one.
        b.HasIndex(f => f.TrackingCodeHash).IsUnique().HasFilter("TrackingCodeHash IS NOT NULL");
        b.Ignore(f => f.PendingAudit);
        b.Ignore(f => f.PendingAnnouncements);
        b.HasOne(f => f.Disclosure).WithMany().HasForeignKey(f => f.DisclosureId).OnDelete(DeleteBehavior.Restrict);
        // Late steps, oldest deadline first (dashboard, reminders): walked in deadline order, the first few are found at once
        // instead of sorting a city's ~70,000 late ones (0.33 s → 3 ms); a closed one has no deadline, so it is not in the way.
        b.HasIndex(f => new { f.StepDueAtUtc, f.State });
        b.HasIndex(f => f.DisclosureId);
        // The feedback list, newest first, and the assessment's drill-down, oldest first.
        b.HasIndex(f => f.ReceivedAtUtc);
        // The assessment counts a period's feedback per organization and working days to handle. Covering those columns, in
        // that order, SQLite reads the groups one after another from the index alone; led by the date instead, it had to sort
        // a city's ~600,000 rows of a year (0.70 → 0.41 s in the sqlite3 shell). DisclosureId and Kind, which the mailbox counts by
        // kind read, are in it too: without them every row of the year was looked up in the table (0.30 → 0.08 s for a year of
        // 92,000 at 2,000 organizations; 0.67 s in the running app, the slowest of the assessment's reads).
        b.HasIndex(f => new { f.OrganizationId, f.IsAbusive, f.WorkingDaysToHandle, f.ReceivedAtUtc, f.AnsweredAtUtc, f.AnswerDueAtUtc, f.ResultDisclosedAtUtc,
            f.DisclosureId, f.Kind });
    }
}
