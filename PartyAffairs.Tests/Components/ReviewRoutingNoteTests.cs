using Bunit;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing;

namespace PartyAffairs.Tests.Components;

/// <summary>The review page's note says, in Chinese, who approves the item and why — with the line and the draft side by side.</summary>
public sealed class ReviewRoutingNoteTests : IAsyncLifetime
{
    private ComponentHarness harness = default!;

    public async Task InitializeAsync()
    {
        harness = await ComponentHarness.CreateAsync();
        harness.UseCulture("zh-CN");
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private string Note(ReviewRouting routing, string? line = null) =>
        harness.Context.Render<ReviewRoutingNote>(p => p.Add(x => x.Routing, routing).Add(x => x.CatalogueItemTitle, line))
            .Find("[data-testid=review-routing]").TextContent;

    [Fact]
    public void An_ordinary_in_catalogue_item_is_the_secretarys_and_the_office_may_also_approve()
    {
        var note = Note(new ReviewRouting(false, [], Audience.AllMembers, Channel.Board, Audience.AllMembers, Channel.Board));

        note.ShouldContain("本事项为目录内事项，由本组织书记审批；领导小组办公室也可审批。");
    }

    [Fact]
    public void A_narrowed_draft_shows_the_line_and_the_draft_and_that_nobody_approves_their_own()
    {
        var note = Note(new ReviewRouting(true, [ReviewReason.NarrowedAudience, ReviewReason.DroppedChannel],
            Audience.Public, Channel.Board | Channel.Meeting, Audience.Organization, Channel.Board));

        note.ShouldContain("公开范围窄于目录（目录：社会；本稿：本组织），须由领导小组办公室审批。");
        note.ShouldContain("缺少：会议");
        note.ShouldContain("起草人不能审批自己起草的此类事项");
    }

    [Fact]
    public void Out_of_catalogue_and_catch_all_items_go_to_the_office()
    {
        Note(new ReviewRouting(true, [ReviewReason.OutOfCatalogue], null, null, Audience.Public, Channel.Board))
            .ShouldContain("目录外事项，须由领导小组办公室审批。");
        Note(new ReviewRouting(true, [ReviewReason.CatchAllLine], Audience.AllMembers, Channel.Board, Audience.AllMembers, Channel.Board), "其他需要公开的事项")
            .ShouldContain("兜底目录事项“其他需要公开的事项”");
    }
}
