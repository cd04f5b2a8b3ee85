using System.Security.Cryptography;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.BoardPostings;
using PartyAffairs.App.Features.Catalogues.Editing;
using PartyAffairs.App.Features.Publishing;
using PartyAffairs.App.Features.Publishing.Attachments;
using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.App.Features.Settings;
using PartyAffairs.App.Features.Shared;
using static PartyAffairs.App.Hosting.Seeding.DemoBureau;
using static PartyAffairs.App.Hosting.Seeding.DemoCatalogueContent;

namespace PartyAffairs.App.Hosting.Seeding;

/// <summary>
/// One telling of the demo year inside the seeder's transaction. Every event happens at a past (or, for what is
/// still to come, future) moment relative to <see cref="DemoTimeline.Now"/>, and goes through the domain method a
/// person would have used at that moment, so states, versions and audit entries are all genuine.
/// </summary>
internal sealed class DemoStory(
    AppDbContext db,
    DemoTimeline time,
    IReadOnlyDictionary<string, Organization> organizations,
    DemoPeople people,
    AppSettings settings,
    WorkingCalendar calendar,
    StorageOptions storage)
{
    private readonly Dictionary<string, CatalogueItem> currentItems = [];
    private readonly Dictionary<string, CatalogueOccurrence> reserved = [];

    /// <summary>Tells the whole story; returns the closed disclosure whose feedback is settled, for the archive.</summary>
    public async Task<Disclosure> TellAsync(CancellationToken cancellationToken)
    {
        SeedLeadingGroup();
        await SeedCataloguesAsync(cancellationToken);
        await SeedPublishedHistoryAsync(cancellationToken);
        var shown = await SeedDisclosuresInEveryStateAsync(cancellationToken);
        SeedFeedbackInEveryState(shown);
        var settled = await SeedClosedWithSettledFeedbackAsync(cancellationToken);
        SeedApplicationsInEveryOutcome(shown, settled);
        SeedInspection();
        SeedMailboxFeedback();
        await SeedBoardPostingsAsync(cancellationToken);
        SeedNotifications(shown);
        await db.SaveChangesAsync(cancellationToken);
        return settled;
    }

    private void SeedLeadingGroup()
    {
        db.LeadingGroupMembers.AddRange(LeadingGroup.Select((seat, i) =>
            new LeadingGroupMember(seat.PersonName, seat.Post, seat.Position, people.IdOf(seat.UserName), i,
                new DateOnly(time.Today.Year - 1, 1, 1))));
    }

    private async Task SeedCataloguesAsync(CancellationToken cancellationToken)
    {
        BuildCatalogue(time.Year - 1, LastYear.ToList(), "市直机关党的基层组织党务公开目录（模板导入）");
        var thisYear = BuildCatalogue(time.Year, ThisYear, $"克隆自{time.Year - 1}年度目录");
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (row, item) in ThisYear.Zip(thisYear.Items)) currentItems[row.Key] = item;
        SeedEventOccurrences();
        // What the showcase will disclose is set aside first, so the year's history never takes it.
        foreach (var key in new[] { BranchAppraisal, BranchDues, PartyDay, BranchResolutions, Recruitment, IntegrityDuty, BranchMeetings })
            reserved[key] = CurrentOccurrence(currentItems[key]);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A catalogue drafted in November of the year before and put in force through its workflow five weeks before the
    /// new year — before anything the story dates up to six weeks back, whatever day it is told — its occurrences planned.
    /// </summary>
    private Catalogue BuildCatalogue(int year, IReadOnlyList<ItemRow> rows, string source)
    {
        var newYear = new DateOnly(year, 1, 1);
        var catalogue = new Catalogue(year, $"{year}年度机关党的基层组织党务公开目录", source, people.Office, time.At(newYear.AddDays(-60), 9));
        foreach (var row in rows)
        {
            catalogue.AddItem(new CatalogueItem(organizations[row.OrganizationCode].Id, row.Category, row.Title, row.Description,
                row.Channels, row.Audience, row.Cadence, row.Standing, row.ResponsiblePerson, row.Phases, BodyTemplateText.Clean(row.BodyTemplate)));
        }
        catalogue.Submit(people.Office, time.At(newYear.AddDays(-50), 10));
        catalogue.Approve(people.Leader, time.At(newYear.AddDays(-40), 15), "同意。请各党组织按目录抓好落实，按时公开。");
        catalogue.PutInForce(people.Office, InForceAt(year));
        foreach (var item in catalogue.Items) PlanOccurrences(item, year);
        db.Catalogues.Add(catalogue);
        return catalogue;
    }

    /// <summary>
    /// Regular items are scheduled as approval schedules them; the secretary opened each phase of a phased item in
    /// its quarter of the year (never later than a few days ago), and each phase is due its working days after.
    /// </summary>
    private void PlanOccurrences(CatalogueItem item, int year)
    {
        item.PlanYear(year, calendar, settings.DueRules, inForceDay: time.LocalDay(InForceAt(year)));
        if (item.Cadence != Cadence.Phased) return;
        for (var phase = 0; phase < item.Phases.Count; phase++)
        {
            var nominal = EndOfMonth(year, 12 * (phase + 1) / item.Phases.Count).AddDays(-7);
            var latest = time.Today.AddDays(-3);
            item.OpenPhase(phase, nominal < latest ? nominal : latest, time.Today, calendar, settings.DueRules);
        }
    }

    /// <summary>Immediate items get an occurrence when their event happens: one disclosed long ago, one that happened yesterday and is due soon.</summary>
    private void SeedEventOccurrences()
    {
        var decisions = currentItems[Decisions];
        foreach (var (label, daysAgo) in new[] { ("机关党委换届选举工作安排", 26), ("关于推行党员志愿服务积分管理的决定", 1) })
        {
            var eventDay = time.Today.AddDays(-daysAgo);
            decisions.RecordEvent(label, eventDay, time.Today, calendar, settings.DueRules);
        }
    }

    /// <summary>The occurrence of the period we are in (for phases: the next one due), else the year's last.</summary>
    private CatalogueOccurrence CurrentOccurrence(CatalogueItem item)
    {
        var open = item.Occurrences.Where(o => o.State == OccurrenceState.Open).OrderBy(o => o.Sequence).ToList();
        return open.FirstOrDefault(o => (item.Cadence == Cadence.Phased ? o.DueDate : o.PeriodEnd) >= time.Today) ?? open[^1];
    }

    /// <summary>
    /// What the organizations disclosed before today: most occurrences on time, some late, a few missed (left open and
    /// overdue, as in a real year). Each goes on display at its start and comes off at its end, by the system.
    /// </summary>
    private async Task SeedPublishedHistoryAsync(CancellationToken cancellationToken)
    {
        var planned = new List<(Disclosure Disclosure, DateTime From, DateTime Until)>();
        var catalogues = db.Catalogues.Local.OrderBy(c => c.Year).ToList();
        foreach (var catalogue in catalogues)
        {
            foreach (var (item, index) in catalogue.Items.Select((item, index) => (item, index)))
            {
                foreach (var occurrence in item.Occurrences.Where(o => o.State == OccurrenceState.Open && !reserved.ContainsValue(o)).OrderBy(o => o.Sequence))
                {
                    var fate = (index * 7 + occurrence.Sequence * 3) % 11;
                    // A standing line is never simply missed: the bureau keeps its standing content on the board all year.
                    if (fate == 0 && !item.Standing) continue;
                    var publishDay = fate == 5 ? occurrence.DueDate.AddDays(4) : occurrence.DueDate.AddDays(-2);
                    if (publishDay >= time.Today || item.Cadence == Cadence.Immediate) continue;
                    planned.Add(DraftHistoricDisclosure(item, occurrence, publishDay));
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (disclosure, from, until) in planned)
        {
            disclosure.Publish(Actor.System, from);
            if (until <= time.Now) disclosure.Close(Actor.System, until);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private (Disclosure, DateTime, DateTime) DraftHistoricDisclosure(CatalogueItem item, CatalogueOccurrence occurrence, DateOnly publishDay)
    {
        var (author, reviewer) = AuthorAndReviewer(item.OrganizationId);
        var from = time.At(publishDay, 9);
        var until = time.At(publishDay.AddDays(DisplayDays(item)), 18);
        var disclosure = Disclosure.ForOccurrence(occurrence, item, author, time.At(publishDay.AddDays(-3), 9));
        var period = PeriodName(item, occurrence);
        var body = $"""
            ## {item.Title}（{period}）

            {item.Description}

            - 公开范围：{AudienceName(item.Audience)}
            - 责任人：{item.ResponsiblePerson}

            以上情况经{organizations.Values.Single(o => o.Id == item.OrganizationId).Name}研究，现予公开。公开期间如有意见和建议，请通过公开栏“意见反馈”或意见箱提出。
            """;
        WriteMarkdown(disclosure, $"{item.Title}（{period}）", body, item.Channels, item.Audience, from, until,
            important: item.Cadence == Cadence.Phased, author, time.At(publishDay.AddDays(-3), 9, 30));
        Submit(disclosure, author, time.At(publishDay.AddDays(-2), 10));
        disclosure.Approve(reviewer, time.At(publishDay.AddDays(-1), 15), confidentialityConfirmed: true);
        db.Disclosures.Add(disclosure);
        return (disclosure, from, until);
    }

    /// <summary>Standing content stays on the board for a year; a month's or a phase's for ten days; longer periods' for two months.</summary>
    private static int DisplayDays(CatalogueItem item) => item switch
    {
        { Standing: true } => 365,
        { Cadence: Cadence.Monthly or Cadence.Phased } => 10,
        _ => 60,
    };

    /// <summary>The first branch drafts and its secretary reviews; the second branch's secretary does both; elsewhere the Office keys in and approves.</summary>
    private (Actor Author, Actor Reviewer) AuthorAndReviewer(int organizationId)
    {
        if (organizationId == organizations[FirstBranch].Id) return (people.Drafter, people.Secretary);
        if (organizationId == organizations[SecondBranch].Id) return (people.Secretary2, people.Secretary2);
        return (people.Office, people.Office);
    }

    /// <summary>The disclosures the demo shows off, one or more in every state of the workflow.</summary>
    private sealed record Showcase(
        Disclosure AwaitingSecretary, Disclosure AwaitingOffice, Disclosure PublicImportant, Disclosure ForAllMembers,
        Disclosure ForOrganization, Disclosure Original, Disclosure Revision);

    private async Task<Showcase> SeedDisclosuresInEveryStateAsync(CancellationToken cancellationToken)
    {
        SeedDraft();
        var awaitingSecretary = SeedSubmittedForSecretary();
        var awaitingOffice = SeedSubmittedOutOfCatalogue();
        SeedApprovedStartingTomorrow();
        SeedRejected();
        SeedWithdrawn();
        var publicImportant = await SeedPublicImportantAsync(cancellationToken);
        var forAllMembers = await SeedForAllMembersAsync(cancellationToken);
        var forOrganization = await SeedForOrganizationAsync(cancellationToken);
        var (original, revision) = await SeedRedisclosureAsync(cancellationToken);
        return new Showcase(awaitingSecretary, awaitingOffice, publicImportant, forAllMembers, forOrganization, original, revision);
    }

    private void SeedDraft()
    {
        var (item, occurrence) = Reserved(BranchAppraisal);
        var disclosure = Disclosure.ForOccurrence(occurrence, item, people.Drafter, time.DaysAgo(2, 10));
        WriteMarkdown(disclosure, $"关于开展{occurrence.PeriodStart.Year}年度民主评议党员工作的安排", $"""
            ## 关于开展{occurrence.PeriodStart.Year}年度民主评议党员工作的安排

            根据机关党委统一部署，支部将开展年度民主评议党员工作，安排如下：

            1. **学习教育**：组织党员集中学习党章和党内有关规定。
            2. **自我评价**：每名党员对照合格党员标准撰写个人总结。
            3. **民主测评**：召开党员大会，开展批评与自我批评，进行民主测评。
            4. **组织评定**：支部委员会综合评议情况，确定评议等次。

            （草稿，待补充时间安排）
            """, item.Channels, item.Audience, time.DaysAhead(3, 9), time.DaysAhead(17, 18), false, people.Drafter, time.Now.AddHours(-3));
        db.Disclosures.Add(disclosure);
    }

    private Disclosure SeedSubmittedForSecretary()
    {
        var (item, occurrence) = Reserved(BranchDues);
        var period = PeriodName(item, occurrence);
        var disclosure = Disclosure.ForOccurrence(occurrence, item, people.Drafter, time.DaysAgo(3, 9, 30));
        WriteMarkdown(disclosure, $"党费收缴情况公示（{period}）", $"""
            ## 党费收缴情况公示（{period}）

            | 项目 | 人数 / 金额 |
            | --- | --- |
            | 应交党费党员 | 23 人 |
            | 已按时足额交纳 | 23 人 |
            | 本期收缴党费 | 4,386.50 元 |
            | 上交机关党委 | 4,386.50 元 |

            党费按月交纳，交纳基数、比例符合规定。欢迎党员监督。
            """, item.Channels, item.Audience, time.DaysAhead(1, 9), time.DaysAhead(15, 18), false, people.Drafter, time.DaysAgo(3, 9, 45));
        AddAttachment(disclosure, "党费收缴明细.pdf", "application/pdf",
            DemoFiles.Pdf([$"党费收缴明细（{period}）", "应交党费党员  23 人", "本期收缴党费  4,386.50 元", "机关第一党支部"]),
            people.Drafter, time.DaysAgo(3, 9, 50));
        Submit(disclosure, people.Drafter, time.DaysAgo(1, 16));
        db.Disclosures.Add(disclosure);
        return disclosure;
    }

    private Disclosure SeedSubmittedOutOfCatalogue()
    {
        var disclosure = Disclosure.OutOfCatalogue(organizations[FirstBranch].Id, Category.ServiceToMembersAndMasses,
            "局党组临时部署的结对帮扶活动，年度目录未列入，需向社会公开接受监督。", Channel.Board | Channel.Media, Audience.Public,
            people.Secretary, time.DaysAgo(2, 14));
        WriteMarkdown(disclosure, "关于开展结对帮扶困难群众活动的公告", """
            ## 关于开展结对帮扶困难群众活动的公告

            为深化联系服务群众工作，机关第一党支部将组织党员与辖区困难家庭开展“一对一”结对帮扶：

            - **帮扶对象**：低保家庭、特困供养人员和困境儿童家庭；
            - **帮扶方式**：每季度至少走访一次，帮助解决实际困难；
            - **监督方式**：帮扶情况每季度在公开栏公布，欢迎群众监督。
            """, disclosure.Channels, disclosure.Audience, time.DaysAhead(1, 9), time.DaysAhead(11, 18), false, people.Secretary, time.DaysAgo(2, 14, 30));
        Submit(disclosure, people.Secretary, time.DaysAgo(1, 10));
        db.Disclosures.Add(disclosure);
        return disclosure;
    }

    private void SeedApprovedStartingTomorrow()
    {
        var (item, occurrence) = Reserved(PartyDay);
        var disclosure = Disclosure.ForOccurrence(occurrence, item, people.Secretary2, time.DaysAgo(2, 9));
        WriteMarkdown(disclosure, $"主题党日活动安排（{PeriodName(item, occurrence)}）", """
            ## 主题党日活动安排

            - **主题**：重温入党誓词，践行为民初心
            - **地点**：局机关三楼党员活动室
            - **参加对象**：支部全体党员，入党积极分子列席
            - **内容**：集体学习、重温入党誓词、交流学习体会、开展志愿服务

            请各位党员提前安排好工作，准时参加。
            """, item.Channels, item.Audience, time.DaysAhead(1, 8, 30), time.DaysAhead(11, 18), false, people.Secretary2, time.DaysAgo(2, 9, 20));
        Submit(disclosure, people.Secretary2, time.DaysAgo(1, 11));
        disclosure.Approve(people.Secretary2, time.Now.AddHours(-2), confidentialityConfirmed: true, "已完成保密审查，按期公开。");
        db.Disclosures.Add(disclosure);
    }

    private void SeedRejected()
    {
        var (item, occurrence) = Reserved(BranchResolutions);
        var disclosure = Disclosure.ForOccurrence(occurrence, item, people.Drafter, time.DaysAgo(5, 10));
        WriteMarkdown(disclosure, $"支部委员会决议及执行情况（{PeriodName(item, occurrence)}）", """
            ## 支部委员会决议及执行情况

            本期支部委员会共召开会议 3 次，作出决议 4 项：

            1. 调整党小组设置 —— 已完成；
            2. 开展党员志愿服务 —— 进行中；
            3. 推荐入党积极分子 —— 已完成；
            4. 修订支部学习制度 —— 进行中。
            """, item.Channels, item.Audience, time.DaysAhead(2, 9), time.DaysAhead(16, 18), false, people.Drafter, time.DaysAgo(5, 10, 30));
        Submit(disclosure, people.Drafter, time.DaysAgo(4, 15));
        disclosure.Reject(people.Secretary, time.DaysAgo(3, 11), "请补充“进行中”两项决议的完成时限和责任人，并附支部委员会会议记录摘要后重新提交。");
        db.Disclosures.Add(disclosure);
    }

    private void SeedWithdrawn()
    {
        var disclosure = Disclosure.OutOfCatalogue(organizations[SecondBranch].Id, Category.OrganizationalBuilding,
            "支部委员分工调整，需及时告知支部党员。", Channel.Board, Audience.Organization, people.Secretary2, time.DaysAgo(7, 9));
        WriteMarkdown(disclosure, "关于调整支部委员分工的公告", """
            ## 关于调整支部委员分工的公告

            经支部委员会研究，拟对支部委员分工作如下调整：组织委员兼任纪检委员，宣传委员兼任青年委员。
            """, disclosure.Channels, disclosure.Audience, time.DaysAgo(5, 9), time.DaysAhead(5, 18), false, people.Secretary2, time.DaysAgo(7, 9, 30));
        Submit(disclosure, people.Secretary2, time.DaysAgo(6, 10));
        disclosure.Withdraw(people.Secretary2, time.DaysAgo(5, 8), "委员分工调整尚待机关党委批复，暂缓公开。");
        db.Disclosures.Add(disclosure);
    }

    /// <summary>A phase of party recruitment put up for public scrutiny (公示), important, so on display for more than a week.</summary>
    private async Task<Disclosure> SeedPublicImportantAsync(CancellationToken cancellationToken)
    {
        var (item, occurrence) = Reserved(Recruitment);
        var disclosure = Disclosure.ForOccurrence(occurrence, item, people.Office, time.DaysAgo(5, 9));
        WriteMarkdown(disclosure, $"发展党员“{occurrence.Label}”阶段公示", $"""
            ## 发展党员“{occurrence.Label}”阶段公示

            根据《中国共产党发展党员工作细则》，经党支部推荐、机关党委审查，现将以下同志情况予以公示：

            | 姓名 | 性别 | 所在党支部 | 申请入党时间 |
            | --- | --- | --- | --- |
            | 马小云 | 女 | 机关第一党支部 | {time.Year - 2}年3月 |
            | 林志远 | 男 | 社会福利院党支部 | {time.Year - 2}年9月 |

            公示期间，党员和群众可通过来信、来电、来访或公开栏“意见反馈”反映情况。反映问题应实事求是，提倡署名。

            联系电话：0580-2021234（机关党委办公室）
            """, item.Channels, item.Audience, time.DaysAgo(3, 9), time.DaysAhead(5, 18), important: true, people.Office, time.DaysAgo(5, 9, 30));
        AddAttachment(disclosure, "公示名单.pdf", "application/pdf",
            DemoFiles.Pdf(["发展党员公示名单", $"阶段：{occurrence.Label}", "马小云  女  机关第一党支部", "林志远  男  社会福利院党支部", "机关党委  印发"]),
            people.Office, time.DaysAgo(5, 10));
        Submit(disclosure, people.Office, time.DaysAgo(4, 10));
        disclosure.Approve(people.Office, time.DaysAgo(4, 15), confidentialityConfirmed: true);
        await AddAndSaveAsync(disclosure, cancellationToken);
        disclosure.Publish(Actor.System, time.DaysAgo(3, 9));
        return disclosure;
    }

    private async Task<Disclosure> SeedForAllMembersAsync(CancellationToken cancellationToken)
    {
        var (item, occurrence) = Reserved(IntegrityDuty);
        var period = PeriodName(item, occurrence);
        var disclosure = Disclosure.ForOccurrence(occurrence, item, people.Office, time.DaysAgo(7, 9));
        WriteMarkdown(disclosure, $"党风廉政建设责任制落实情况（{period}）", $"""
            ## 党风廉政建设责任制落实情况（{period}）

            ### 一、责任分解
            局机关党委与各党支部签订党风廉政建设责任书 4 份，明确“一岗双责”责任清单。

            ### 二、检查考核
            机关纪委对各党支部开展专项检查 2 次，发现问题 5 个，已整改 4 个，1 个正在整改。

            ### 三、责任追究
            本期未发生需要追究责任的情形。
            """, item.Channels, item.Audience, time.DaysAgo(5, 9), time.DaysAhead(10, 18), false, people.Office, time.DaysAgo(7, 9, 30));
        Submit(disclosure, people.Office, time.DaysAgo(6, 10));
        disclosure.Approve(people.Office, time.DaysAgo(6, 16), confidentialityConfirmed: true);
        await AddAndSaveAsync(disclosure, cancellationToken);
        disclosure.Publish(Actor.System, time.DaysAgo(5, 9));
        return disclosure;
    }

    private async Task<Disclosure> SeedForOrganizationAsync(CancellationToken cancellationToken)
    {
        var (item, occurrence) = Reserved(BranchMeetings);
        var period = PeriodName(item, occurrence);
        var disclosure = Disclosure.ForOccurrence(occurrence, item, people.Drafter, time.DaysAgo(4, 9));
        WriteMarkdown(disclosure, $"“三会一课”开展情况（{period}）", $"""
            ## “三会一课”开展情况（{period}）

            | 会议 | 主题 | 应到 | 实到 |
            | --- | --- | --- | --- |
            | 支部党员大会 | 学习党的创新理论，讨论支部年度工作 | 23 | 21 |
            | 支部委员会 | 研究发展党员和志愿服务工作 | 5 | 5 |
            | 党小组会 | 交流学习体会，开展批评与自我批评 | 23 | 22 |
            | 党课 | 书记讲党课：“民政为民、民政爱民” | 23 | 21 |

            缺席同志均已请假，并已补学。
            """, item.Channels, item.Audience, time.DaysAgo(2, 9), time.DaysAhead(12, 18), false, people.Drafter, time.DaysAgo(4, 9, 30));
        AddAttachment(disclosure, "党课记录.pdf", "application/pdf",
            DemoFiles.Pdf(["“三会一课”记录", $"{period}", "支部党员大会 1 次  支部委员会 3 次  党小组会 3 次  党课 1 次", "机关第一党支部"]),
            people.Drafter, time.DaysAgo(4, 9, 40));
        Submit(disclosure, people.Drafter, time.DaysAgo(3, 10));
        disclosure.Approve(people.Secretary, time.DaysAgo(3, 15), confidentialityConfirmed: true);
        await AddAndSaveAsync(disclosure, cancellationToken);
        disclosure.Publish(Actor.System, time.DaysAgo(2, 9));
        return disclosure;
    }

    /// <summary>A decision published with a wrong date, then re-disclosed (再次公开, §5(四)) with the correction; the first version comes off display.</summary>
    private async Task<(Disclosure Original, Disclosure Revision)> SeedRedisclosureAsync(CancellationToken cancellationToken)
    {
        var item = currentItems[Decisions];
        var occurrence = item.Occurrences.Single(o => o.Sequence == 1);
        var original = Disclosure.ForOccurrence(occurrence, item, people.Office, time.DaysAgo(26, 15));
        WriteMarkdown(original, occurrence.Label, ElectionNotice(time.Today.AddDays(9)), item.Channels, item.Audience,
            time.DaysAgo(25, 9), time.DaysAhead(5, 18), false, people.Office, time.DaysAgo(26, 15, 20));
        Submit(original, people.Office, time.DaysAgo(26, 16));
        original.Approve(people.Office, time.DaysAgo(26, 17), confidentialityConfirmed: true);
        await AddAndSaveAsync(original, cancellationToken);
        original.Publish(Actor.System, time.DaysAgo(25, 9));

        var revision = original.Revise(people.Office, time.DaysAgo(6, 10), "原公告中党员大会召开日期有误。");
        WriteMarkdown(revision, $"{occurrence.Label}（更正）", ElectionNotice(time.Today.AddDays(12)) + "\n\n> 更正说明：原公告中党员大会召开日期有误，现予更正，以本公告为准。",
            revision.Channels, revision.Audience, time.DaysAgo(5, 9), time.DaysAhead(10, 18), false, people.Office, time.DaysAgo(6, 10, 30));
        Submit(revision, people.Office, time.DaysAgo(6, 11));
        revision.Approve(people.Office, time.DaysAgo(6, 14), confidentialityConfirmed: true);
        await AddAndSaveAsync(revision, cancellationToken);
        // Publishing the correction takes the original off the board (superseded), linked forward to it.
        revision.Publish(Actor.System, time.DaysAgo(5, 9), original);
        return (original, revision);
    }

    private static string ElectionNotice(DateOnly meetingDay) => $"""
        ## 机关党委换届选举工作安排

        机关党委本届任期即将届满。经机关党委会议研究并报上级党组织同意，决定进行换届选举：

        1. **推荐候选人**：各党支部组织党员酝酿推荐，“两上两下”确定候选人预备人选；
        2. **召开党员大会**：定于 {meetingDay:yyyy年M月d日} 召开机关全体党员大会，差额选举产生新一届机关党委；
        3. **纪律要求**：严肃换届纪律，严禁拉票贿选。

        对换届工作的意见建议，请向机关党委办公室反映。
        """;

    /// <summary>Feedback in every state, online and by letter, phone and visit; one past its step deadline.</summary>
    private void SeedFeedbackInEveryState(Showcase shown)
    {
        var received = Feedback.Online(shown.PublicImportant, "请问公示对象的培养考察材料能否查阅？希望公开一下培养联系人的考察意见。",
            anonymous: true, null, null, Actor.Anonymous, time.Now.AddHours(-5), StepDue(time.Now.AddHours(-5)));

        var closed = Feedback.Online(shown.PublicImportant, "公示对象马小云同志在窗口服务中工作认真、群众评价好，支持发展。",
            anonymous: false, people.Member.DisplayName, "机关第一党支部", people.Member, time.DaysAgo(3, 10), StepDue(time.DaysAgo(3, 10)));
        Progress(closed, people.Office, "感谢您的反映，意见已转支部，作为发展对象考察的参考。", "该意见已纳入考察材料，经核实情况属实。",
            time.DaysAgo(3, 14), time.DaysAgo(2, 10), time.DaysAgo(2, 15), time.DaysAgo(1, 10), time.DaysAgo(1, 16));

        var assigned = Feedback.Online(shown.ForOrganization, "建议党课内容结合民政业务，多请一线同志讲讲救助工作中的故事。",
            anonymous: false, people.Member.DisplayName, null, people.Member, time.DaysAgo(2, 10), StepDue(time.DaysAgo(2, 10)));
        Progress(assigned, people.Secretary, null, null, time.DaysAgo(1, 9, 30));

        var answered = Feedback.Offline(shown.ForAllMembers, FeedbackChannel.Letter, "来信建议对专项检查中发现的问题，公开整改时限和整改责任人。",
            "退休党员 钱老", "来信地址：城关街道民政小区", time.DaysAgo(5, 9), people.Handler, time.DaysAgo(4, 10), StepDue(time.DaysAgo(4, 10)));
        Progress(answered, people.Office, "已请机关纪委在下一期公开中补充整改时限和责任人，谢谢您的监督。", null,
            time.DaysAgo(4, 10, 30), time.DaysAgo(2, 16));

        var reported = Feedback.Offline(shown.ForAllMembers, FeedbackChannel.Phone, "来电反映：希望责任书签订情况能按党支部逐一列出。",
            "孙先生", "138****6721", time.DaysAgo(5, 14), people.Handler, time.DaysAgo(5, 14, 20), StepDue(time.DaysAgo(5, 14, 20)));
        Progress(reported, people.Handler, "已电话回复：下期公开将按党支部列出责任书签订情况。",
            "下一期公开将按党支部逐一列出党风廉政建设责任书签订情况。",
            time.DaysAgo(5, 15), time.DaysAgo(3, 11), time.DaysAgo(2, 9));

        var resultDisclosed = Feedback.Offline(shown.Revision, FeedbackChannel.Visit, "来访询问：外出挂职的党员能否委托投票？",
            "周女士", "机关第二党支部", time.DaysAgo(4, 10), people.Handler, time.DaysAgo(4, 10, 30), StepDue(time.DaysAgo(4, 10, 30)));
        Progress(resultDisclosed, people.Office, "按照党内选举有关规定，选举人不能委托他人代为投票，外出党员可提前返回参加选举。",
            "经研究答复：党内选举不得委托投票。挂职党员由所在党支部提前通知，返回参加党员大会。",
            time.DaysAgo(4, 11), time.DaysAgo(3, 15), time.DaysAgo(2, 10), time.DaysAgo(1, 10));

        // The call that found the wrong date: the decision was re-disclosed, but the caller was never answered — late.
        var late = Feedback.Offline(shown.Original, FeedbackChannel.Phone, "来电反映：换届公告中党员大会日期与局里会议安排冲突，请核实。",
            "吴先生", "0580-2025678", time.DaysAgo(22, 10), people.Handler, time.DaysAgo(22, 10, 30), StepDue(time.DaysAgo(22, 10, 30)));
        Progress(late, people.Office, null, null, time.DaysAgo(21, 9));

        db.Feedback.AddRange(received, closed, assigned, answered, reported, resultDisclosed, late);
    }

    /// <summary>
    /// An out-of-catalogue disclosure of the first branch with two attachments that ran its full course: approved by the
    /// Office, displayed for two weeks, its feedback handled to the end, then closed — ready for the archive.
    /// </summary>
    private async Task<Disclosure> SeedClosedWithSettledFeedbackAsync(CancellationToken cancellationToken)
    {
        var disclosure = Disclosure.OutOfCatalogue(organizations[FirstBranch].Id, Category.ServiceToMembersAndMasses,
            "支部自行组织的志愿服务活动，年度目录未列入，向服务对象和社会公开，接受监督。", Channel.Board | Channel.Media, Audience.Public,
            people.Secretary, time.DaysAgo(42, 9));
        WriteMarkdown(disclosure, "关于“微心愿”认领活动开展情况的公示", """
            ## 关于“微心愿”认领活动开展情况的公示

            机关第一党支部组织党员认领社会福利院老人和困境儿童“微心愿”共 **36** 个，已全部兑现：

            - 生活用品类 21 个；
            - 学习用品类 11 个；
            - 陪伴服务类 4 个。

            所需物品均由党员自愿捐助，未使用公款。附件为认领清单和活动照片。
            """, disclosure.Channels, disclosure.Audience, time.DaysAgo(38, 9), time.DaysAgo(24, 18), false, people.Secretary, time.DaysAgo(42, 9, 30));
        AddAttachment(disclosure, "微心愿认领清单.pdf", "application/pdf",
            DemoFiles.Pdf(["“微心愿”认领清单", "生活用品类  21 个  已兑现", "学习用品类  11 个  已兑现", "陪伴服务类   4 个  已兑现", "机关第一党支部"]),
            people.Secretary, time.DaysAgo(42, 10));
        AddAttachment(disclosure, "活动照片.png", "image/png", DemoFiles.BoardPng(), people.Secretary, time.DaysAgo(42, 10, 5));
        Submit(disclosure, people.Secretary, time.DaysAgo(41, 10));
        disclosure.Approve(people.Office, time.DaysAgo(40, 15), confidentialityConfirmed: true, "同意公开。");
        db.Disclosures.Add(disclosure);
        disclosure.Publish(Actor.System, time.DaysAgo(38, 9));

        var online = Feedback.Online(disclosure, "建议把活动做成常态，每季度开展一次，让更多党员参与进来。",
            anonymous: false, people.Member.DisplayName, null, people.Member, time.DaysAgo(36, 10), StepDue(time.DaysAgo(36, 10)));
        Progress(online, people.Secretary, "感谢建议，支部将研究把“微心愿”认领纳入季度志愿服务计划。",
            "支部委员会已决定：“微心愿”认领活动每季度开展一次，纳入支部年度志愿服务计划。",
            time.DaysAgo(36, 15), time.DaysAgo(34, 10), time.DaysAgo(33, 10), time.DaysAgo(31, 10), time.DaysAgo(30, 10));
        var mailbox = Feedback.Offline(disclosure, FeedbackChannel.Mailbox, "意见箱留言：希望公开捐助物品的接收和发放签收情况。",
            null, null, time.DaysAgo(33, 9), people.Handler, time.DaysAgo(32, 9), StepDue(time.DaysAgo(32, 9)));
        Progress(mailbox, people.Secretary, "物品发放均有服务对象或监护人签收，签收单已存档备查。",
            "捐助物品发放签收单已在支部公开栏补充公开。",
            time.DaysAgo(32, 10), time.DaysAgo(29, 10), time.DaysAgo(28, 10), time.DaysAgo(27, 10), time.DaysAgo(26, 16));
        db.Feedback.AddRange(online, mailbox);

        disclosure.Close(Actor.System, disclosure.DisplayUntilUtc);
        await db.SaveChangesAsync(cancellationToken);
        return disclosure;
    }

    /// <summary>
    /// Applications for disclosure (依申请公开) in every outcome and every open state: online and on paper, one assigned, one
    /// extended, one past its due date; the answers link disclosures the applicants may read.
    /// </summary>
    private void SeedApplicationsInEveryOutcome(Showcase shown, Disclosure settled)
    {
        DateOnly Due(DateTime receivedUtc) => calendar.AddWorkingDays(time.LocalDay(receivedUtc), settings.ApplicationAnswerWorkingDays);
        void Answer(DisclosureApplication application, DateTime atUtc, ApplicationOutcome outcome, string answer, string? withheld = null,
            ApplicationRefusal? refusal = null, string? refusalText = null, Disclosure? disclosure = null) =>
            application.AnswerWith(people.Office, atUtc, time.LocalDay(atUtc), outcome, answer, withheld, refusal, refusalText, disclosure);

        var second = organizations[SecondBranch].Id;

        var received = DisclosureApplication.Online(second, Audience.Public, "申请公开机关第二党支部今年组织生活会的召开时间和参会人数。", "了解支部组织生活开展情况",
            null, null, Actor.Anonymous, time.Now.AddHours(-3), Due(time.Now.AddHours(-3)));

        var assigned = DisclosureApplication.Paper(settled.OrganizationId, ApplicationChannel.Letter, "来信申请公开机关第一党支部近三年发展党员的人数。", null,
            "退休党员 钱老", "来信地址：城关街道民政小区", time.DaysAgo(4, 9), people.Office, time.DaysAgo(4, 10), Due(time.DaysAgo(4, 9)));
        assigned.Assign(people.Office, time.DaysAgo(3, 10), people.Secretary.UserId, people.Secretary.DisplayName);

        var extended = DisclosureApplication.Paper(second, ApplicationChannel.Visit, "来访申请公开机关第二党支部党建活动经费的使用明细。", "监督经费使用",
            "郑先生", "139****2087", time.DaysAgo(18, 10), people.Office, time.DaysAgo(18, 10, 30), Due(time.DaysAgo(18, 10)));
        extended.Assign(people.Office, time.DaysAgo(17, 9), people.Secretary2.UserId, people.Secretary2.DisplayName);
        extended.Extend(people.Office, time.DaysAgo(2, 15), "经费明细涉及多个年度凭证，需会同财务科逐笔核对。",
            calendar.AddWorkingDays(extended.DueOn, settings.ApplicationExtensionWorkingDays));

        // Received five weeks ago and never answered: late on the dashboard and in the counts.
        var late = DisclosureApplication.Paper(second, ApplicationChannel.Phone, "来电申请公开机关第二党支部换届选举的得票情况。", null,
            "冯女士", "0580-2031456", time.DaysAgo(35, 11), people.Office, time.DaysAgo(35, 11, 30), Due(time.DaysAgo(35, 11)));

        var disclosed = DisclosureApplication.Online(settled.OrganizationId, Audience.Public, "申请公开“微心愿”认领活动的认领清单。", null,
            people.Member.DisplayName, null, people.Member, time.DaysAgo(30, 10), Due(time.DaysAgo(30, 10)));
        Answer(disclosed, time.DaysAgo(27, 15), ApplicationOutcome.Disclosed, "认领清单已随公示附件公开，请查看所附链接。", disclosure: settled);

        var partly = DisclosureApplication.Online(shown.PublicImportant.OrganizationId, Audience.Public, "申请公开发展对象的培养考察材料和培养联系人的考察意见。",
            "了解发展党员程序", null, null, Actor.Anonymous, time.DaysAgo(12, 9), Due(time.DaysAgo(12, 9)));
        Answer(partly, time.DaysAgo(6, 16), ApplicationOutcome.PartlyDisclosed, "发展对象的基本情况和培养考察程序已在公示中公开。",
            withheld: "培养联系人对发展对象的个人考察意见涉及个人隐私，依规不予公开。", disclosure: shown.PublicImportant);

        var refused = DisclosureApplication.Paper(second, ApplicationChannel.Letter, "来信申请公开上级党组织对本局的巡察反馈原件。", null,
            "匿名来信", null, time.DaysAgo(25, 9), people.Office, time.DaysAgo(24, 9), Due(time.DaysAgo(25, 9)));
        Answer(refused, time.DaysAgo(16, 10), ApplicationOutcome.Refused, "经核实，巡察反馈原件不由本支部制作和保存。",
            refusal: ApplicationRefusal.NotOurDuty);

        var already = DisclosureApplication.Online(settled.OrganizationId, Audience.Public, "申请公开捐助物品的发放签收情况。", null,
            null, null, Actor.Anonymous, time.DaysAgo(20, 14), Due(time.DaysAgo(20, 14)));
        Answer(already, time.DaysAgo(19, 10), ApplicationOutcome.AlreadyDisclosed, "该信息已主动公开，请查看所附链接。", disclosure: settled);

        var applications = new[] { received, assigned, extended, late, disclosed, partly, refused, already };
        // Demo applicants follow by code too; the codes are not kept, as in real use.
        foreach (var application in applications) application.IssueTrackingCode();
        db.Applications.AddRange(applications);
    }

    /// <summary>The Office inspected the first branch a month ago (§6(四)); one rectification is done, one is overdue.</summary>
    private void SeedInspection()
    {
        var branch = organizations[FirstBranch];
        var inspection = new Inspection(branch.Id, time.Today.AddDays(-30), "李淑芬、孙志强",
            InspectionFinding.Satisfactory, InspectionFinding.NeedsImprovement, InspectionFinding.Satisfactory,
            InspectionFinding.NeedsImprovement, InspectionFinding.Satisfactory,
            "公开内容较全面，程序基本规范；公开栏更新不够及时，党费公开缺少明细。", people.Office, time.DaysAgo(30, 17));
        var overdue = new Rectification(branch.Id, "“三会一课”开展情况未按月在公开栏更新：补齐近三个月记录，建立按月更新台账。",
            people.Secretary.UserId, people.Secretary.DisplayName, time.Today.AddDays(-5));
        var done = new Rectification(branch.Id, "党费收缴公开缺少交纳基数和标准说明：补充明细并经支部委员会审核。",
            people.Secretary.UserId, people.Secretary.DisplayName, time.Today.AddDays(-15));
        done.Complete(people.Secretary, time.DaysAgo(18, 16), "已在公开栏补充党费交纳基数和标准说明，经支部委员会审核后公开。");
        inspection.Rectifications.AddRange([overdue, done]);
        db.Inspections.Add(inspection);
    }

    /// <summary>
    /// Mailbox feedback (意见箱, about no one item, filed under the organ committee) of every kind and in several states: a
    /// suggestion just received, one taken through to closed with a reply to its sender, an 应公开未公开 answered, and an 其他 whose
    /// result is disclosed.
    /// </summary>
    private void SeedMailboxFeedback()
    {
        var committee = organizations[OrganCommittee].Id;
        Feedback Mailbox(FeedbackKind kind, string content, Actor sender, DateTime at) =>
            Feedback.ToMailbox(committee, kind, content, anonymous: !sender.IsAuthenticated, sender.IsAuthenticated ? sender.DisplayName : null, null,
                sender, at, StepDue(at));

        var received = Mailbox(FeedbackKind.Suggestion, "建议在公开栏旁设置二维码，扫码即可查看往期公开内容。", Actor.Anonymous, time.Now.AddHours(-3));

        var closed = Mailbox(FeedbackKind.Suggestion, "建议每季度把各支部公开栏张贴情况汇总公布一次，便于党员对照监督。", people.Member, time.DaysAgo(20, 10));
        Progress(closed, people.Office, "感谢建议，领导小组办公室将每季度汇总公布各党组织公开栏张贴情况。",
            "自本季度起，各党组织公开栏张贴情况每季度在机关公开栏汇总公布。",
            time.DaysAgo(20, 15), time.DaysAgo(18, 10), time.DaysAgo(17, 10), time.DaysAgo(16, 10), time.DaysAgo(15, 10));
        closed.ReplyToSender(people.Office, time.DaysAgo(15, 11), "您的建议已采纳，汇总情况将于每季度末在机关公开栏公布。");

        var answered = Mailbox(FeedbackKind.Undisclosed, "机关食堂经费收支情况应当公开，但公开栏一直没有看到。", Actor.Anonymous, time.DaysAgo(6, 9));
        Progress(answered, people.Office, "经核实，机关食堂经费属于行政事务，已转局办公室按政务公开规定办理，党务公开栏不另行公开。", null,
            time.DaysAgo(6, 14), time.DaysAgo(3, 16));

        var disclosed = Mailbox(FeedbackKind.Other, "公开栏所在走廊晚上照明不足，下班后看不清内容。", Actor.Anonymous, time.DaysAgo(12, 18));
        Progress(disclosed, people.Handler, "已联系后勤部门加装照明。", "公开栏所在走廊已加装照明灯，下班后可正常阅看。",
            time.DaysAgo(11, 9), time.DaysAgo(9, 10), time.DaysAgo(8, 10), time.DaysAgo(7, 10));

        db.Feedback.AddRange(received, closed, answered, disclosed);
    }

    /// <summary>
    /// Printed boards the organizations put up (公开栏张贴) over the past half year, each with a photo stored as an upload is and
    /// the Board items on display that day; a day with nothing on display is skipped, so the records always obey the rules.
    /// </summary>
    private async Task SeedBoardPostingsAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        var postings = new (string Organization, Actor Recorder, int DaysAgo, string Location)[]
        {
            (FirstBranch, people.Secretary, 12, "局机关办公楼一楼公开栏"),
            (FirstBranch, people.Secretary, 100, "局机关办公楼一楼公开栏"),
            (SecondBranch, people.Secretary2, 40, "局机关办公楼二楼公开栏"),
            (SecondBranch, people.Secretary2, 190, "局机关办公楼二楼公开栏"),
            (OrganCommittee, people.Office, 70, "局机关大院门口公开栏"),
        };
        var photo = DemoFiles.BoardPng();
        foreach (var (code, recorder, daysAgo, location) in postings)
        {
            var organization = organizations[code];
            var tree = organizations.Values.Where(o => o.Id == organization.Id || o.ParentId == organization.Id).Select(o => o.Id).ToHashSet();
            var day = time.Today.AddDays(-daysAgo);
            var items = db.Disclosures.Local.OrderBy(d => d.Id)
                .Select(d => new PostableItem(d.Id, d.OrganizationId, d.Channels, StandingRules.Displayed(d)))
                .Where(i => BoardPostingRules.CanCarry(i, tree, day, time.Zone))
                .Take(4)
                .ToList();
            if (items.Count == 0) continue;
            var stored = await UploadStore.StoreAsync(Path.Combine(storage.UploadsDirectory, "postings"), storage.DataDirectory, "公开栏照片.png",
                new MemoryStream(photo, writable: false), long.MaxValue, BoardPostingService.PhotoTypes, cancellationToken);
            var file = stored.File ?? throw new InvalidOperationException($"Demo posting photo refused: {stored.RefusalKey}");
            db.BoardPostings.Add(new BoardPosting(organization.Id, day, location,
                new StoredPhoto("公开栏照片.png", file.ContentType, file.Size, file.Sha256, file.RelativePath), items, tree, recorder,
                time.At(day, 17), time.Zone));
        }
    }

    private void SeedNotifications(Showcase shown)
    {
        var secretary = people.Secretary.UserId;
        var office = people.Office.UserId;
        var inCatalogueAt = time.DaysAgo(1, 16);
        db.Notifications.AddRange(
            new Notification(secretary, $"待审核：{shown.AwaitingSecretary.Title}", $"{people.Drafter.DisplayName}提交了公开事项，请审核。",
                $"/disclosures/{shown.AwaitingSecretary.Id}", inCatalogueAt),
            new Notification(secretary, "意见反馈已分派给您", "党员对“三会一课”开展情况提出了意见建议，请及时答复。",
                $"/disclosures/{shown.ForOrganization.Id}", time.DaysAgo(1, 9, 30)),
            new Notification(secretary, "整改事项已逾期", "“三会一课”公开栏更新的整改事项已超过期限，请尽快完成。", "/inspections", time.DaysAgo(4, 9)),
            new Notification(office, $"目录外事项待审核：{shown.AwaitingOffice.Title}", "目录外事项须经领导小组办公室审核后公开。",
                $"/disclosures/{shown.AwaitingOffice.Id}", time.DaysAgo(1, 10)),
            new Notification(office, "意见反馈办理超期", "有反馈的办理步骤已超过期限，请督办。", "/dashboard", time.DaysAgo(3, 9)));
        var read = new Notification(office, $"{time.Year}年度党务公开目录已生效", "目录已经领导小组审批并生效。", "/catalogue", InForceAt(time.Year));
        read.MarkRead(InForceAt(time.Year).AddHours(1));
        db.Notifications.Add(read);
    }

    /// <summary>Takes feedback through as many steps as times are given: assign, answer, report, the leader's acknowledgement, close.</summary>
    private void Progress(Feedback feedback, Actor assignee, string? answer, string? resolution, params DateTime[] steps)
    {
        for (var i = 0; i < steps.Length; i++)
        {
            var at = steps[i];
            switch (i)
            {
                case 0: feedback.Assign(people.Handler, at, assignee.UserId, assignee.DisplayName, StepDue(at, FeedbackState.Assigned)); break;
                case 1: feedback.AnswerWith(assignee, at, answer!, StepDue(at, FeedbackState.Answered)); break;
                case 2: feedback.ReportTo(people.Handler, at, people.Leader.UserId, people.Leader.DisplayName, resolution!, null,
                    StepDue(at, FeedbackState.Reported)); break;
                case 3: feedback.Acknowledge(people.Leader, at, StepDue(at, FeedbackState.ResultDisclosed), calendar, time.Zone); break;
                default: feedback.Close(people.Handler, at); break;
            }
        }
    }

    /// <summary>The step that starts in <paramref name="entering"/> is due at the end of its N-th working day (settings Feedback…WorkingDays).</summary>
    private DateTime? StepDue(DateTime stepStartUtc, FeedbackState entering = FeedbackState.Received) =>
        settings.FeedbackStepWorkingDays(entering) is { } days
            ? time.EndOfDay(calendar.AddWorkingDays(time.LocalDay(stepStartUtc), days))
            : null;

    /// <summary>The demo's texts are written in Markdown here for legibility and stored as the editor would store them: clean HTML.</summary>
    private static void WriteMarkdown(Disclosure disclosure, string title, string markdown, Channel channels, Audience audience,
        DateTime displayFromUtc, DateTime displayUntilUtc, bool important, Actor actor, DateTime utcNow) =>
        disclosure.Edit(title, MarkdownBodies.ToHtml(markdown), channels, audience, displayFromUtc, displayUntilUtc, important, actor, utcNow);

    private void Submit(Disclosure disclosure, Actor author, DateTime at) =>
        disclosure.Submit(author, at, SensitiveWords.InDraft(settings.SensitiveWords, disclosure.Title, disclosure.Body));

    /// <summary>Publishing fulfils the occurrence, which needs the disclosure's id: save it first.</summary>
    private async Task AddAndSaveAsync(Disclosure disclosure, CancellationToken cancellationToken)
    {
        db.Disclosures.Add(disclosure);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Writes the bytes under the uploads folder, as an upload would, and records their real SHA-256.</summary>
    private void AddAttachment(Disclosure disclosure, string fileName, string contentType, byte[] bytes, Actor uploader, DateTime at)
    {
        var relative = Path.Combine("uploads", "demo", $"{Guid.NewGuid():N}{Path.GetExtension(fileName)}");
        var path = Path.Combine(storage.DataDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        var attachment = new Attachment(fileName, contentType, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)),
            relative.Replace('\\', '/'), uploader, at);
        var (state, text) = AttachmentTextReader.Read(bytes, contentType);
        attachment.RecordText(state, text);
        disclosure.AddAttachment(attachment);
    }

    private (CatalogueItem Item, CatalogueOccurrence Occurrence) Reserved(string key) => (currentItems[key], reserved[key]);

    private DateTime InForceAt(int year) => time.At(new DateOnly(year, 1, 1).AddDays(-35), 9);

    private static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>How people name the period an occurrence is for: 2026年11月, 2026年第三季度, 2026年下半年, 2026年度, or the phase or event.</summary>
    private static string PeriodName(CatalogueItem item, CatalogueOccurrence occurrence)
    {
        var start = occurrence.PeriodStart;
        return item.Cadence switch
        {
            Cadence.Monthly => $"{start.Year}年{start.Month}月",
            Cadence.Quarterly => $"{start.Year}年第{"一二三四"[(start.Month - 1) / 3]}季度",
            Cadence.HalfYearly => $"{start.Year}年{(start.Month <= 6 ? "上半年" : "下半年")}",
            Cadence.Yearly => $"{start.Year}年度",
            _ => occurrence.Label,
        };
    }

    private static string AudienceName(Audience audience) => audience switch
    {
        Audience.Public => "社会公开",
        Audience.AllMembers => "全局党员",
        _ => "本组织党员",
    };
}
