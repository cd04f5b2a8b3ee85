namespace PartyAffairs.App.Features.Audit;

/// <summary>The audit viewer's filters as the CSV link's query string.</summary>
public sealed record AuditCsvRequest(string? Person, int? OrganizationId, string? EntityType, int? EntityId, string? Action, DateOnly? From, DateOnly? To)
{
    public AuditLogQuery ToQuery() => new(Person, OrganizationId, EntityType, EntityId, Action, From, To);

    public static string Link(AuditLogQuery q)
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } s) parts.Add($"{name}={Uri.EscapeDataString(s)}");
        }
        Add(nameof(Person), q.Person);
        Add(nameof(OrganizationId), q.OrganizationId);
        Add(nameof(EntityType), q.EntityType);
        Add(nameof(EntityId), q.EntityId);
        Add(nameof(Action), q.Action);
        Add(nameof(From), q.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add(nameof(To), q.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return Archive.ArchiveEndpoints.AuditCsv + (parts.Count > 0 ? "?" + string.Join('&', parts) : "");
    }
}
