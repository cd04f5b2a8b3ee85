using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Admin.Users.Import;
using PartyAffairs.App.Resources;
using static PartyAffairs.Tests.Features.Admin.MemberFiles;

namespace PartyAffairs.Tests.Features.Admin;

/// <summary>The member file read line by line, without a database: every error named by line and column, generated names, roles.</summary>
public sealed class MemberImportAnalyzerTests
{
    private static readonly MemberOrganization[] Organizations =
    [
        new(1, "机关党委", "JGDW", true),
        new(2, "第一党支部", "DYZB", true),
        new(3, "老干部支部", "LGBZB", false),
    ];

    private static MemberImportPreview Analyse(byte[] content, bool importerIsAdmin = true, string fileName = "成员.csv", int maxRows = MemberFormat.MaxRows)
    {
        AdminTestData.UseChinese();
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var context = new MemberImportContext(Organizations, ["admin", "DYZB001"], importerIsAdmin);
        return new MemberImportAnalyzer(services.GetRequiredService<IStringLocalizer<AdminStrings>>(),
            services.GetRequiredService<IStringLocalizer<CatalogueImportStrings>>(), context).Analyse(content, fileName, maxRows);
    }

    [Fact]
    public void A_good_file_reads_every_line_maps_roles_and_generates_user_names_clear_of_every_name_taken()
    {
        var preview = Analyse(Csv(
            "李红,lihong,第一党支部,书记、党员,138 0013 8000,正式",
            "王强,,DYZB,委员,,",
            "赵敏,,第一党支部,,010-66668888,预备",
            "周文,dyzb002,第一党支部,\"Secretary, Member\",,预备党员",
            "钱进,,机关党委,意见反馈处理人，领导小组成员,,full"));

        preview.Errors.ShouldBeEmpty();
        preview.CanImport.ShouldBeTrue();
        var rows = preview.ValidRows;
        rows.Select(r => r.UserName).ShouldBe(["lihong", "dyzb003", "dyzb004", "dyzb002", "jgdw001"]);
        rows.Select(r => r.UserNameGenerated).ShouldBe([false, true, true, false, true]);
        rows[0].Roles.ShouldBe([Roles.Secretary, Roles.Member], ignoreOrder: true);
        rows[1].Roles.ShouldBe([Roles.Drafter]);
        rows[2].Roles.ShouldBe([Roles.Member]);
        rows[3].Roles.ShouldBe([Roles.Secretary, Roles.Member], ignoreOrder: true);
        rows[4].Roles.ShouldBe([Roles.FeedbackHandler, Roles.Leader], ignoreOrder: true);
        rows.Select(r => r.OrganizationId).ShouldBe([2, 2, 2, 2, 1]);
        rows[1].OrganizationName.ShouldBe("第一党支部");
        rows.Select(r => r.Category).ShouldBe([MemberCategory.Full, null, MemberCategory.Probationary, MemberCategory.Probationary, MemberCategory.Full]);
        rows.Select(r => r.Phone).ShouldBe(["13800138000", null, "010-66668888", null, null]);
    }

    [Theory]
    [InlineData(",zhang,第一党支部,党员,,", "姓名", "必填")]
    [InlineData("张三,zhang san,第一党支部,党员,,", "用户名", "用户名须为")]
    [InlineData("张三,ADMIN,第一党支部,党员,,", "用户名", "ADMIN")]
    [InlineData("张三,dyzb001,第一党支部,党员,,", "用户名", "dyzb001")]
    [InlineData("张三,,,党员,,", "组织", "必填")]
    [InlineData("张三,,第九党支部,党员,,", "组织", "没有名称或代码为「第九党支部」的组织。可用的组织：机关党委、第一党支部")]
    [InlineData("张三,,LGBZB,党员,,", "组织", "组织「老干部支部」已停用")]
    [InlineData("张三,,第一党支部,书记、组长,,", "角色", "「组长」不是可导入的角色")]
    [InlineData("张三,,第一党支部,管理员,,", "角色", "不能通过导入创建系统管理员")]
    [InlineData("张三,,第一党支部,Admin,,", "角色", "不能通过导入创建系统管理员")]
    [InlineData("张三,,第一党支部,党员,1380013800,", "手机", "「1380013800」不是有效的手机或电话号码")]
    [InlineData("张三,,第一党支部,党员,,积极分子", "党员类别", "「积极分子」不是党员类别")]
    [InlineData("张\u202E三,,第一党支部,党员,,", "姓名", "")]
    public void Each_kind_of_error_is_named_by_line_and_column_and_nothing_can_be_imported(string line, string column, string fragment)
    {
        var preview = Analyse(Csv("李红,lihong,第一党支部,书记,,", line));

        preview.CanImport.ShouldBeFalse();
        var error = preview.Errors.ShouldHaveSingleItem();
        (error.Row, error.Column).ShouldBe((3, column));
        error.Message.ShouldContain(fragment);
        error.Text.ShouldStartWith($"第 3 行「{column}」：");
        preview.Rows.Single(r => r.RowNumber == 3).IsValid.ShouldBeFalse();
        preview.Rows.Single(r => r.RowNumber == 2).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void A_user_name_twice_in_the_file_is_an_error_on_the_later_line_whatever_its_case()
    {
        var preview = Analyse(Csv("李红,lihong,第一党支部,,,", "王强,,第一党支部,,,", "李洪,LiHong,机关党委,,,"));

        var error = preview.Errors.ShouldHaveSingleItem();
        (error.Row, error.Column, error.Message).ShouldBe((4, "用户名", "用户名「LiHong」与第 2 行重复。"));
    }

    [Fact]
    public void Only_the_Admin_may_import_the_Office_and_Leader_roles()
    {
        var line = "钱进,,机关党委,领导小组办公室、党员,,";

        Analyse(Csv(line), importerIsAdmin: true).Errors.ShouldBeEmpty();
        var error = Analyse(Csv(line), importerIsAdmin: false).Errors.ShouldHaveSingleItem();
        (error.Row, error.Column).ShouldBe((2, "角色"));
        error.Message.ShouldBe("只有系统管理员可以导入「领导小组办公室」角色。");
    }

    [Fact]
    public void A_file_over_the_row_limit_is_refused_whole_with_the_limit_said()
    {
        var preview = Analyse(Generated(MemberFormat.MaxRows + 1, "第一党支部"));

        preview.Rows.ShouldBeEmpty();
        preview.Errors.ShouldHaveSingleItem().Text.ShouldBe("文件有 5001 行成员数据，一次最多导入 5000 行，请拆分后分批导入。");
    }

    [Fact]
    public void A_missing_required_column_and_an_unknown_one_are_said_on_the_header_line()
    {
        var preview = Analyse(System.Text.Encoding.UTF8.GetBytes("姓名,用户名,单位\r\n李红,lihong,第一党支部\r\n"));

        preview.Rows.ShouldBeEmpty();
        preview.Errors.Select(e => (e.Row, e.Column)).ShouldBe([(1, "组织"), (1, "单位")], ignoreOrder: true);
    }

    [Fact]
    public void English_headers_and_role_names_read_like_the_Chinese_ones()
    {
        var preview = Analyse(System.Text.Encoding.UTF8.GetBytes("Name,UserName,Organization,Roles,Phone,Category\r\nLi Hong,lihong,DYZB,Drafter;Member,13800138000,Probationary\r\n"));

        preview.Errors.ShouldBeEmpty();
        var row = preview.ValidRows.ShouldHaveSingleItem();
        (row.DisplayName, row.UserName, row.OrganizationId, row.Category).ShouldBe(("Li Hong", "lihong", 2, MemberCategory.Probationary));
        row.Roles.ShouldBe([Roles.Drafter, Roles.Member], ignoreOrder: true);
    }
}
