using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Data.PostgreSQL;

/// <summary>
/// Committed changes as the text of <c>pg_notify</c> payloads: compact JSON naming the sending node, as many payloads as
/// PostgreSQL's limit asks for. One event that is too big alone (only its reason can be: 2,000 characters, which escaped
/// may pass 8,000 bytes) goes without its reason: the other nodes' subscribers re-read what changed from the database, and
/// the only one that reads a reason, the notification writer, hears its own node's commits only.
/// </summary>
public static class ChangeEventPayload
{
    /// <summary>PostgreSQL refuses a payload of 8,000 bytes or more ("payload string too long").</summary>
    public const int MaxBytes = 7_999;

    // A payload is never shown in HTML: Chinese goes as UTF-8 (3 bytes), not as \uXXXX (6).
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // By name, as the audit trail stores it: two nodes of different builds still read each other's verbs.
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// The payloads for these events, each under <see cref="MaxBytes"/>. Each carries the next <paramref name="sequence"/>
    /// number: PostgreSQL delivers identical payloads of one transaction only once, and two equal events may be.
    /// </summary>
    public static IReadOnlyList<string> Encode(Guid node, Func<long> sequence, IReadOnlyList<ChangeEvent> events)
    {
        // The envelope with the longest sequence number a long can have.
        var envelope = Encoding.UTF8.GetByteCount(Head(node, long.MinValue) + Tail);
        var budget = MaxBytes - envelope;
        var payloads = new List<string>();
        var items = new List<byte[]>();
        var size = 0;
        foreach (var change in events)
        {
            var item = Serialize(change, budget);
            if (items.Count > 0 && size + 1 + item.Length > budget)
            {
                payloads.Add(Compose(node, sequence(), items));
                items.Clear();
                size = 0;
            }
            size += (items.Count > 0 ? 1 : 0) + item.Length;
            items.Add(item);
        }
        if (items.Count > 0) payloads.Add(Compose(node, sequence(), items));
        return payloads;
    }

    /// <summary>The sending node and its events; throws <see cref="JsonException"/> on a payload this code did not write.</summary>
    public static (Guid Node, IReadOnlyList<ChangeEvent> Events) Decode(string payload)
    {
        var envelope = JsonSerializer.Deserialize<Envelope>(payload, Json) ?? throw new JsonException("An empty payload.");
        var events = envelope.Events ?? throw new JsonException("A payload without events.");
        return (envelope.Node, events.Select(e => e.ToEvent()).ToList());
    }

    private const string Tail = "]}";

    private static string Head(Guid node, long sequence) => $"{{\"n\":\"{node:D}\",\"q\":{sequence},\"e\":[";

    private static byte[] Serialize(ChangeEvent change, int budget)
    {
        var item = JsonSerializer.SerializeToUtf8Bytes(Wire.From(change), Json);
        if (item.Length <= budget) return item;
        item = JsonSerializer.SerializeToUtf8Bytes(Wire.From(change with { Reason = null }), Json);
        // Every other field is bounded by its column (at most 50 characters), so this cannot happen with stored entries;
        // should it, the other nodes are still told that something changed.
        return item.Length <= budget ? item : JsonSerializer.SerializeToUtf8Bytes(Wire.From(ChangeEvent.AnythingMayHaveChanged(change.AtUtc)), Json);
    }

    private static string Compose(Guid node, long sequence, List<byte[]> items)
    {
        var text = new StringBuilder(Head(node, sequence));
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) text.Append(',');
            text.Append(Encoding.UTF8.GetString(items[i]));
        }
        return text.Append(Tail).ToString();
    }

    private sealed record Envelope(
        [property: JsonPropertyName("n")] Guid Node,
        [property: JsonPropertyName("q")] long Sequence,
        [property: JsonPropertyName("e")] IReadOnlyList<Wire> Events);

    private sealed record Wire(
        [property: JsonPropertyName("t")] string EntityType,
        [property: JsonPropertyName("i")] int EntityId,
        [property: JsonPropertyName("o")] int? OrganizationId,
        [property: JsonPropertyName("a")] WorkflowAction Action,
        [property: JsonPropertyName("f")] string? FromState,
        [property: JsonPropertyName("s")] string? ToState,
        [property: JsonPropertyName("b")] string ActorName,
        [property: JsonPropertyName("at")] DateTime AtUtc,
        [property: JsonPropertyName("r")] string? Reason)
    {
        public static Wire From(ChangeEvent e) =>
            new(e.EntityType, e.EntityId, e.OrganizationId, e.Action, e.FromState, e.ToState, e.ActorName, e.AtUtc, e.Reason);

        public ChangeEvent ToEvent() =>
            new(EntityType, EntityId, OrganizationId, Action, FromState, ToState, ActorName, DateTime.SpecifyKind(AtUtc, DateTimeKind.Utc), Reason);
    }
}
