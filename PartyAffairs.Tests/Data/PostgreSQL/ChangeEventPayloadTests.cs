using System.Text;
using System.Text.Json;
using PartyAffairs.App.Data.Changes;
using PartyAffairs.App.Data.PostgreSQL;
using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Data.PostgreSQL;

/// <summary>
/// What goes into <c>pg_notify</c>: every payload under PostgreSQL's 8,000 bytes, as few as fit, and read back as the events
/// that went in — but an event too big alone, which goes without its reason.
/// </summary>
public sealed class ChangeEventPayloadTests
{
    private static readonly Guid Node = Guid.NewGuid();
    private static readonly DateTime At = new(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);

    private static ChangeEvent Event(int id, string? reason) =>
        new(nameof(Disclosure), id, 7, WorkflowAction.Reject, "Submitted", "Draft", "王书记", At.AddSeconds(id), reason);

    public static TheoryData<string, int, string?, int, bool> Cases => new()
    {
        // events, how many, their reason → payloads, reasons kept
        { "one without a reason", 1, null, 1, true },
        { "three short ones", 3, "内容需要修改", 1, true },
        // 400 × about 143 bytes = 57 KB: eight payloads of at most 7.9 KB each, no fewer.
        { "four hundred short ones", 400, "内容需要修改", 8, true },
        { "three with the longest Chinese reason (6,000 bytes each)", 3, new string('改', 2_000), 3, true },
        { "one whose reason escapes to 12,000 bytes", 1, new string('\u0001', 2_000), 1, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Events_go_out_in_as_few_payloads_as_the_limit_allows_and_come_back_the_same(string what, int count, string? reason, int payloadCount,
        bool reasonsKept)
    {
        var events = Enumerable.Range(1, count).Select(i => Event(i, reason)).ToList();
        long sequence = 0;

        var payloads = ChangeEventPayload.Encode(Node, () => ++sequence, events);

        payloads.Count.ShouldBe(payloadCount, what);
        payloads.ShouldAllBe(p => Encoding.UTF8.GetByteCount(p) <= ChangeEventPayload.MaxBytes);
        payloads.Distinct().Count().ShouldBe(payloadCount, "each payload is numbered: PostgreSQL drops a transaction's repeated payloads");
        var decoded = payloads.Select(ChangeEventPayload.Decode).ToList();
        decoded.ShouldAllBe(d => d.Node == Node);
        var back = decoded.SelectMany(d => d.Events).ToList();
        back.ShouldBe(reasonsKept ? events : events.Select(e => e with { Reason = null }).ToList());
        back.ShouldAllBe(e => e.AtUtc.Kind == DateTimeKind.Utc);
    }

    [Fact]
    public void A_reload_travels_as_a_reload()
    {
        var payload = ChangeEventPayload.Encode(Node, () => 1, [ChangeEvent.AnythingMayHaveChanged(At)]).Single();

        ChangeEventPayload.Decode(payload).Events.Single().IsReload.ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("{\"n\":\"00000000000000000000000000000000\"}")]
    [InlineData("{\"n\":\"x\",\"e\":[]}")]
    public void A_payload_this_code_did_not_write_is_refused(string payload) =>
        Should.Throw<JsonException>(() => ChangeEventPayload.Decode(payload));
}
