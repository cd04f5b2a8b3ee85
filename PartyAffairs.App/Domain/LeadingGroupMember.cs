using System.Linq.Expressions;

namespace PartyAffairs.App.Domain;

/// <summary>
/// A seat in the bureau's Party-affairs disclosure leading group (领导小组) or its office, held from one day to another.
/// History is kept: a seat is ended (<see cref="ValidUntil"/> set), never deleted; a reshuffle ends the old seats and adds new ones.
/// Every change queues its audit line (<see cref="IAudited"/>).
/// </summary>
public sealed class LeadingGroupMember : IAudited
{
    public const int PersonNameMaxLength = 50;
    public const int PostMaxLength = 100;

    private readonly List<AuditEntry> pendingAudit = [];

    public int Id { get; private set; }
    public string PersonName { get; private set; } = "";
    /// <summary>The post that brings the seat, e.g. 机关党委书记.</summary>
    public string Post { get; private set; } = "";
    public LeadingGroupPosition Position { get; private set; }
    /// <summary>The holder's account, when she has one.</summary>
    public string? UserId { get; private set; }
    public int SortOrder { get; private set; }
    /// <summary>The first day (bureau's calendar) the seat is held.</summary>
    public DateOnly ValidFrom { get; private set; }
    /// <summary>The last day the seat is held; null while it lasts.</summary>
    public DateOnly? ValidUntil { get; private set; }
    /// <summary>App-managed concurrency token (SQLite has no row versions).</summary>
    public int Version { get; private set; }

    private LeadingGroupMember() { }

    /// <summary>A seat as the demo bureau seeds it: no actor, no audit line.</summary>
    public LeadingGroupMember(string personName, string post, LeadingGroupPosition position, string? userId, int sortOrder, DateOnly validFrom)
    {
        Set(personName, post, position, userId, sortOrder, validFrom);
    }

    /// <summary>A new seat, audited as created.</summary>
    public static LeadingGroupMember Create(string personName, string post, LeadingGroupPosition position, string? userId, int sortOrder,
        DateOnly validFrom, Actor actor, DateTime utcNow)
    {
        var seat = new LeadingGroupMember(personName, post, position, userId, sortOrder, validFrom);
        seat.Audit(WorkflowAction.Create, actor, utcNow, $"{seat.PersonName} {seat.Post}");
        return seat;
    }

    public bool IsEnded => ValidUntil is not null;

    /// <summary>The same rule as <see cref="CurrentOn"/>, for an object (the table test holds the two together).</summary>
    public bool IsCurrentOn(DateOnly day) => ValidFrom <= day && (ValidUntil is null || ValidUntil >= day);

    /// <summary>The one rule for "holds the seat on that day", used in queries (the guide, feedback reports) and on objects.</summary>
    public static Expression<Func<LeadingGroupMember, bool>> CurrentOn(DateOnly day) =>
        m => m.ValidFrom <= day && (m.ValidUntil == null || m.ValidUntil >= day);

    /// <summary>Seats whose holder should hold the Leader role (组长, 副组长).</summary>
    public bool SuggestsLeaderRole => Position is LeadingGroupPosition.Leader or LeadingGroupPosition.DeputyLeader;

    /// <summary>Seats whose holder should hold the Office role (the office's director and deputy director).</summary>
    public bool SuggestsOfficeRole => Position is LeadingGroupPosition.OfficeDirector or LeadingGroupPosition.OfficeDeputyDirector;

    /// <summary>Corrects who holds the seat, the post, the account, the order or the start; an ended seat is history and stays as it was.</summary>
    public void Change(string personName, string post, LeadingGroupPosition position, string? userId, int sortOrder, DateOnly validFrom,
        Actor actor, DateTime utcNow)
    {
        if (IsEnded) throw new DomainRuleException("LeadingGroup.AlreadyEnded");
        Set(personName, post, position, userId, sortOrder, validFrom);
        Audit(WorkflowAction.ChangeSeat, actor, utcNow, $"{PersonName} {Post}");
    }

    /// <summary>Ends the seat on <paramref name="lastDay"/> (the last day it is held), once.</summary>
    public void End(DateOnly lastDay, Actor actor, DateTime utcNow, string? reason = null)
    {
        if (IsEnded) throw new DomainRuleException("LeadingGroup.AlreadyEnded");
        if (lastDay < ValidFrom) throw new DomainRuleException("LeadingGroup.EndBeforeStart");
        ValidUntil = lastDay;
        Audit(WorkflowAction.EndSeat, actor, utcNow, string.IsNullOrWhiteSpace(reason) ? $"{PersonName} {Post}" : reason);
    }

    public void EnsureVersion(int expectedVersion)
    {
        if (expectedVersion != Version) throw new ConcurrencyConflictException();
    }

    private void Set(string personName, string post, LeadingGroupPosition position, string? userId, int sortOrder, DateOnly validFrom)
    {
        if (string.IsNullOrWhiteSpace(personName)) throw new DomainRuleException("LeadingGroup.NameRequired");
        if (personName.Trim().Length > PersonNameMaxLength) throw new DomainRuleException("LeadingGroup.NameTooLong");
        if ((post?.Trim().Length ?? 0) > PostMaxLength) throw new DomainRuleException("LeadingGroup.PostTooLong");
        if (!Enum.IsDefined(position)) throw new DomainRuleException("LeadingGroup.PositionInvalid");
        if (ValidUntil is { } until && until < validFrom) throw new DomainRuleException("LeadingGroup.EndBeforeStart");
        PersonName = personName.Trim();
        Post = post?.Trim() ?? "";
        Position = position;
        UserId = string.IsNullOrWhiteSpace(userId) ? null : userId;
        SortOrder = sortOrder;
        ValidFrom = validFrom;
    }

    private void Audit(WorkflowAction action, Actor actor, DateTime utcNow, string? reason)
    {
        Version++;
        pendingAudit.Add(new AuditEntry(actor, utcNow, nameof(LeadingGroupMember), Id, null, action, null, null, reason));
    }

    // Explicit, so EF Core maps no property for them.
    IReadOnlyList<AuditEntry> IAudited.PendingAudit => pendingAudit;

    void IAudited.ClearPendingAudit() => pendingAudit.Clear();

    IReadOnlyList<AuditEntry> IAudited.PendingAnnouncements => [];

    void IAudited.ClearPendingAnnouncements() { }
}
