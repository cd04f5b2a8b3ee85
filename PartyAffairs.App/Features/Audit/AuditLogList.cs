namespace PartyAffairs.App.Features.Audit;

/// <summary>One page of the audit log; <see cref="Total"/> counts every entry the filters match.</summary>
public sealed record AuditLogList(IReadOnlyList<AuditLogRow> Rows, int Total);
