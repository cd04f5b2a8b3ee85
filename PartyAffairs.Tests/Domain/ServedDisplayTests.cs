using PartyAffairs.App.Domain;
using static PartyAffairs.Tests.Domain.DomainFixtures;

namespace PartyAffairs.Tests.Domain;

/// <summary>
/// "Display is what was served" (§5(四)): an item is shown for the length it asked for from its actual publication, an
/// approval after its end is refused, and a catalogue occurrence stays fulfilled only if its item stayed up for the
/// minimum display (Important 7 days, others the setting), counted from the publication that fulfilled it.
/// </summary>
public sealed class ServedDisplayTests
{
    private static readonly DisplayRules OneDay = new(TimeSpan.FromDays(1));

    /// <summary>A catalogue item's disclosure asking for <paramref name="days"/> days from an hour after <see cref="DomainFixtures.Now"/>, submitted.</summary>
    private static (Disclosure Disclosure, CatalogueOccurrence Occurrence) Submitted(bool important, int days)
    {
        var item = new CatalogueItem(10, Category.OrganizationalBuilding, "党费收缴情况", "按季度公开", Channel.Board, Audience.AllMembers,
            Cadence.Quarterly, false, "组织委员");
        var occurrence = new CatalogueOccurrence(4, "2026年第四季度", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 15));
        var d = Disclosure.ForOccurrence(occurrence, item, Secretary, Now);
        d.Edit("第四季度党费收缴情况", "正文", Channel.Board, Audience.AllMembers, Now.AddHours(1), Now.AddHours(1).AddDays(days), important, Secretary, Now);
        d.Submit(Secretary, Now, [], OneDay);
        return (d, occurrence);
    }

    public static TheoryData<string, double, double, double> LateApprovals => new()
    {
        // case, approved (hours after Now), expected start (hours after Now), expected length (days)
        { "before the start: waits for its start", 0.5, 1, 8 },
        { "ten minutes after the start", 1 + 10 / 60.0, 1 + 10 / 60.0, 8 },
        { "three days after the start", 73, 73, 8 },
        { "an hour before the end", 1 + 8 * 24 - 1, 1 + 8 * 24 - 1, 8 },
    };

    [Theory]
    [MemberData(nameof(LateApprovals))]
    public void An_item_approved_late_is_published_at_once_and_keeps_its_length(string @case, double approvedAfterHours, double startAfterHours, double lengthDays)
    {
        var (d, occurrence) = Submitted(important: false, days: 8);
        var at = Now.AddHours(approvedAfterHours);
        d.Approve(Office, at, true);
        if (d.DisplayFromUtc <= at) d.Publish(Actor.System, at);
        else d.Publish(Actor.System, d.DisplayFromUtc);

        d.DisplayFromUtc.ShouldBe(Now.AddHours(startAfterHours), @case);
        (d.DisplayUntilUtc - d.DisplayFromUtc).ShouldBe(TimeSpan.FromDays(lengthDays), @case);
        d.PublishedAtUtc.ShouldBe(d.DisplayFromUtc, @case);
        occurrence.FulfilledAtUtc.ShouldBe(d.PublishedAtUtc, @case);
    }

    [Fact]
    public void An_important_item_approved_late_still_shows_a_week_from_its_actual_publication()
    {
        var (d, _) = Submitted(important: true, days: 7);
        var at = Now.AddDays(3);
        d.Approve(Office, at, true);
        d.Publish(Actor.System, at);

        d.DisplayUntilUtc.ShouldBe(at.AddDays(7));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(24 * 30)]
    public void An_approval_after_the_requested_end_is_refused_and_nothing_is_published(int minutesAfterEnd)
    {
        var (d, occurrence) = Submitted(important: false, days: 8);
        var at = d.DisplayUntilUtc.AddMinutes(minutesAfterEnd);

        Should.Throw<DomainRuleException>(() => d.Approve(Office, at, true)).Code.ShouldBe("Disclosure.DisplayPeriodOver");
        d.State.ShouldBe(DisclosureState.Submitted);
        occurrence.State.ShouldBe(OccurrenceState.Open);
    }

    public static TheoryData<string, bool, double, bool, bool> Removals => new()
    {
        // case, important, removed (hours after publication), withdrawn (else closed early), occurrence still fulfilled
        { "ordinary withdrawn after five minutes", false, 5 / 60.0, true, false },
        { "ordinary withdrawn after 23 hours", false, 23, true, false },
        { "ordinary withdrawn after exactly a day", false, 24, true, true },
        { "ordinary withdrawn after two days", false, 48, true, true },
        { "ordinary closed early after an hour", false, 1, false, false },
        { "ordinary closed early after three days", false, 72, false, true },
        { "important withdrawn after two days", true, 48, true, false },
        { "important withdrawn after six days 23 hours", true, 6 * 24 + 23, true, false },
        { "important withdrawn after a week", true, 7 * 24, true, true },
        { "important closed early after five days", true, 5 * 24, false, false },
    };

    [Theory]
    [MemberData(nameof(Removals))]
    public void Coming_off_display_inside_the_minimum_reopens_the_occurrence(string @case, bool important, double afterHours, bool withdrawn, bool stillFulfilled)
    {
        var (d, occurrence) = Submitted(important, days: 10);
        d.Approve(Office, Now, true);
        d.Publish(Actor.System, d.DisplayFromUtc);
        var at = d.PublishedAtUtc!.Value.AddHours(afterHours);

        if (withdrawn) d.Withdraw(Office, at, "撤回", OneDay);
        else d.Close(Office, at, "提前结束", OneDay);

        occurrence.State.ShouldBe(stillFulfilled ? OccurrenceState.Fulfilled : OccurrenceState.Open, @case);
        occurrence.DisclosureId.ShouldBe(stillFulfilled ? d.Id : null, @case);
        d.PendingAudit.Any(a => a.Action == WorkflowAction.ReopenOccurrence).ShouldBe(!stillFulfilled, @case);
    }

    public static TheoryData<string, bool, double, bool> ImportantWithdrawals => new()
    {
        // case, by the Office, hours after publication, allowed
        { "secretary on day two", false, 48, false },
        { "secretary after six days", false, 6 * 24, false },
        { "secretary after a week", false, 7 * 24, true },
        { "office on day two", true, 48, true },
    };

    [Theory]
    [MemberData(nameof(ImportantWithdrawals))]
    public void Only_the_office_withdraws_an_important_item_in_its_first_week_counted_from_its_actual_publication(string @case, bool byOffice, double afterHours, bool allowed)
    {
        var (d, _) = Submitted(important: true, days: 10);
        // Approved three days after its requested start: the week runs from the publication, not from the request.
        var published = d.DisplayFromUtc.AddDays(3);
        d.Approve(Office, published, true);
        d.Publish(Actor.System, published);
        var at = published.AddHours(afterHours);

        var withdraw = () => d.Withdraw(byOffice ? Office : Secretary, at, "撤回", OneDay);
        if (allowed) withdraw();
        else Should.Throw<DomainRuleException>(withdraw).Code.ShouldBe("Disclosure.ImportantNeedsOffice", @case);
        d.State.ShouldBe(allowed ? DisclosureState.Withdrawn : DisclosureState.Published, @case);
    }

    [Fact]
    public void A_published_correction_supersedes_the_version_it_corrects_and_continues_its_display()
    {
        var (original, occurrence) = Submitted(important: false, days: 10);
        original.Approve(Office, Now, true);
        original.Publish(Actor.System, original.DisplayFromUtc);
        var correctedAt = original.PublishedAtUtc!.Value.AddHours(2);

        var correction = original.Revise(Secretary, correctedAt, "日期有误");
        correction.IsInCatalogue.ShouldBeTrue();
        correction.CatalogueOccurrenceId.ShouldBe(original.CatalogueOccurrenceId);
        correction.RevisionReason.ShouldBe("日期有误");
        correction.Edit("更正", "更正后的正文", Channel.Board, Audience.AllMembers, correctedAt, correctedAt.AddDays(5), false, Secretary, correctedAt);
        correction.Submit(Secretary, correctedAt, [], OneDay);
        correction.Approve(Office, correctedAt, true);
        correction.Publish(Actor.System, correctedAt, original);

        original.State.ShouldBe(DisclosureState.Closed);
        original.ClosedAtUtc.ShouldBe(correctedAt);
        original.SupersededByDisclosureId.ShouldBe(correction.Id);
        original.PendingAudit.ShouldContain(a => a.Action == WorkflowAction.Supersede);
        occurrence.State.ShouldBe(OccurrenceState.Fulfilled);
        occurrence.FulfilledAtUtc.ShouldBe(original.PublishedAtUtc);
        Should.Throw<DomainRuleException>(() => original.Revise(Secretary, correctedAt, "再更正")).Code.ShouldBe("Disclosure.ReviseOnlyPublished");

        // The chain was up from the original's publication: withdrawn four hours in, the occurrence is due again.
        correction.Withdraw(Office, original.PublishedAtUtc!.Value.AddHours(4), "撤回", OneDay);
        occurrence.State.ShouldBe(OccurrenceState.Open);
    }

    [Fact]
    public void A_correction_without_the_version_it_corrects_cannot_be_published()
    {
        var original = InState(DisclosureState.Published);
        var correction = original.Revise(Secretary, Now.AddHours(3), "更正");
        correction.Submit(Secretary, Now.AddHours(3), []);
        correction.Approve(Office, Now.AddHours(3), true);

        Should.Throw<InvalidOperationException>(() => correction.Publish(Actor.System, Now.AddHours(3)));
    }

    [Theory]
    [InlineData(false, 0.5, true)]
    [InlineData(false, 1, false)]
    [InlineData(true, 6.5, true)]
    [InlineData(true, 7, false)]
    public void A_catalogue_item_shorter_than_its_minimum_display_cannot_be_submitted(bool important, double days, bool refused)
    {
        var item = new CatalogueItem(10, Category.OrganizationalBuilding, "党费", "", Channel.Board, Audience.AllMembers, Cadence.Quarterly, false, "");
        var occurrence = new CatalogueOccurrence(1, "Q1", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 15));
        var d = Disclosure.ForOccurrence(occurrence, item, Secretary, Now);
        d.Edit("党费", "正文", Channel.Board, Audience.AllMembers, Now.AddHours(1), Now.AddHours(1).AddDays(days), important, Secretary, Now);

        var problems = d.SubmissionProblems(Now, OneDay);
        (problems.Contains("Disclosure.ShorterThanMinimum") || problems.Contains("Disclosure.ImportantTooShort")).ShouldBe(refused);
    }
}
