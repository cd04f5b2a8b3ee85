using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;

namespace PartyAffairs.Tests.Support;

/// <summary>
/// A branch of its own in the demo bureau, for the printed board and the lobby screen over HTTP and in the browser: items on
/// display through the Board channel or not, for each audience; a member of the branch; on the public Board item one
/// feedback whose result is disclosed (with a summary) and one still open. <see cref="LongTitle"/> is a long Public item
/// for the lobby screen, alone in a second branch so it is the screen's only item there.
/// </summary>
public sealed record PrintedBoardCast(int OrganizationId, int LongOrganizationId, string MemberUserName)
{
    public const string PublicBoard = "打印测试：公开栏社会公开事项";
    public const string PublicMeetingOnly = "打印测试：只在会议上公开的社会事项";
    public const string MembersBoard = "打印测试：全体党员公开事项";
    public const string OwnBoard = "打印测试：本支部公开事项";
    public const string MembersMeetingOnly = "打印测试：只在会议上通报的党员事项";
    public const string FeedbackText = "反馈原文：请公开公务用车的使用明细";
    public const string OpenFeedbackText = "反馈原文：尚未处理的一条意见";
    public const string Summary = "群众询问公务用车使用情况";
    public const string Resolution = "已在公开栏补充公务用车使用明细";
    public const string LongTitle = "打印测试：很长的社会公开事项";
    public const string LongLastLine = "本事项最后一段：以上内容请广大群众监督。";

    private const string Password = "Test@12345";

    public static async Task<PrintedBoardCast> CreateAsync(IServiceProvider services, string suffix)
    {
        var now = DateTime.UtcNow;
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var committeeId = await db.Organizations.Where(o => o.ParentId == null).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var branch = new Organization($"打印测试支部{suffix}", $"DYCS{suffix}", OrganizationKind.Branch, committeeId, 90);
        var longBranch = new Organization($"大屏测试支部{suffix}", $"DPCS{suffix}", OrganizationKind.Branch, committeeId, 91);
        db.Organizations.AddRange(branch, longBranch);
        await db.SaveChangesAsync();

        var drafter = await ActorAsync(db, "drafter", Roles.Drafter);
        var office = await ActorAsync(db, "office", Roles.Office);
        var handler = await ActorAsync(db, "handler", Roles.FeedbackHandler);
        var leader = await ActorAsync(db, "leader", Roles.Leader);

        Disclosure Published(int organizationId, string title, string body, Channel channels, Audience audience)
        {
            var d = Disclosure.OutOfCatalogue(organizationId, Category.Other, "打印测试", channels, audience, drafter, now.AddHours(-2));
            d.Edit(title, body, channels, audience, now.AddHours(-1), now.AddDays(7), false, drafter, now.AddHours(-2));
            db.Disclosures.Add(d);
            return d;
        }

        var publicBoard = Published(branch.Id, PublicBoard, "公开栏正文。", Channel.Board | Channel.Media, Audience.Public);
        Published(branch.Id, PublicMeetingOnly, "会议正文。", Channel.Meeting, Audience.Public);
        Published(branch.Id, MembersBoard, "党员正文。", Channel.Board | Channel.Document, Audience.AllMembers);
        Published(branch.Id, OwnBoard, "支部正文。", Channel.Board, Audience.Organization);
        Published(branch.Id, MembersMeetingOnly, "党员会议正文。", Channel.Meeting, Audience.AllMembers);
        var longBody = string.Join("\n\n", Enumerable.Range(1, 40).Select(i =>
            $"第{i}段：本局按照年度党务公开目录，对本事项的办理过程、依据和结果进行公开，接受党员和群众监督，欢迎提出意见和建议。"))
            + "\n\n" + LongLastLine;
        Published(longBranch.Id, LongTitle, longBody, Channel.Board, Audience.Public);
        await db.SaveChangesAsync();
        foreach (var d in db.ChangeTracker.Entries<Disclosure>().Select(e => e.Entity).ToList())
        {
            d.Submit(drafter, now.AddHours(-2), []);
            d.Approve(office, now.AddHours(-2), true);
            d.Publish(Actor.System, now.AddHours(-1));
        }
        await db.SaveChangesAsync();

        var at = now.AddMinutes(-30);
        var answered = Feedback.Offline(publicBoard, FeedbackChannel.Letter, FeedbackText, "张三", null, at, handler, at, null);
        answered.Assign(handler, at, handler.UserId, handler.DisplayName, null);
        answered.AnswerWith(handler, at, "已答复来信人。", null);
        answered.ReportTo(handler, at, leader.UserId, leader.DisplayName, Resolution, Summary, null);
        answered.Acknowledge(leader, at, null, new WorkingCalendar([]), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var open = Feedback.Offline(publicBoard, FeedbackChannel.Phone, OpenFeedbackText, null, null, at, handler, at, null);
        db.Feedback.AddRange(answered, open);
        await db.SaveChangesAsync();

        var memberUserName = $"printmember{suffix}";
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var member = new ApplicationUser { UserName = memberUserName, DisplayName = "打印测试党员", OrganizationId = branch.Id };
        (await users.CreateAsync(member, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(member, Roles.Member)).Succeeded.ShouldBeTrue();
        return new PrintedBoardCast(branch.Id, longBranch.Id, memberUserName);
    }

    public static string MemberPassword => Password;

    private static async Task<Actor> ActorAsync(AppDbContext db, string userName, string role)
    {
        var user = await db.Users.Where(u => u.UserName == userName).Select(u => new { u.Id, u.DisplayName, u.OrganizationId }).SingleAsync();
        return new Actor(user.Id, user.DisplayName, user.OrganizationId, new HashSet<string> { role });
    }
}
