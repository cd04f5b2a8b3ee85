using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PartyAffairs.App.Components;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Resources;

namespace PartyAffairs.Tests.Components;

public sealed class EnumLabelsTests : IDisposable
{
    private readonly ServiceProvider services;
    private readonly CultureInfo originalCulture = CultureInfo.CurrentUICulture;

    public EnumLabelsTests()
    {
        services = new ServiceCollection().AddLogging().AddLocalization().AddSingleton<EnumLabels>().BuildServiceProvider();
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = originalCulture;
        services.Dispose();
    }

    private EnumLabels Labels => services.GetRequiredService<EnumLabels>();

    [Fact]
    public void The_eight_categories_read_as_the_source_document_names_them()
    {
        EnumLabels.Choices<Category>().Select(c => Labels.Of(c)).ShouldBe([
            "党的基层组织决议、决定及执行情况", "党的思想建设情况", "党的组织建设情况", "党内制度建设情况",
            "领导班子建设情况", "联系和服务党员、群众情况", "党风廉政建设方面", "其它事项",
        ]);
    }

    [Fact]
    public void Channels_are_listed_together_and_states_read_in_Chinese()
    {
        Labels.Of(Channel.Board | Channel.Media).ShouldBe("公开栏、媒体");
        EnumLabels.Choices<Channel>().ShouldNotContain(Channel.None);
        Labels.Of(Audience.AllMembers).ShouldBe("全体党员");
        Labels.Of(Cadence.HalfYearly).ShouldBe("定期-半年");
        Labels.Of(DisclosureState.Closed).ShouldBe("已结束");
        Labels.Of(FeedbackState.ResultDisclosed).ShouldBe("结果已公开");
        Labels.Of(CatalogueState.InForce).ShouldBe("已生效");
        Labels.AuditState("Feedback", "Closed").ShouldBe("已办结");
        Labels.Action("Submit").ShouldBe("提交");
        Labels.Action("Add").ShouldBe("添加");
        Labels.Action("SomethingNew").ShouldBe("SomethingNew");
        Labels.AuditReason("Feedback", WorkflowAction.Receive, "Letter").ShouldBe("来信");
        Labels.AuditReason("Disclosure", WorkflowAction.Reject, "请补充").ShouldBe("请补充");
    }

    [Fact]
    public void English_is_there_for_those_who_choose_it()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        Labels.Of(Audience.Public).ShouldBe("Public");
        Labels.Of(Category.Other).ShouldBe("Other matters");
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Every_value_of_every_domain_enum_has_a_label(string culture)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var text = services.GetRequiredService<IStringLocalizer<StepStrings>>();
        var enums = typeof(Category).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace == typeof(Category).Namespace);

        var missing = enums
            .SelectMany(t => Enum.GetNames(t).Select(name => $"Enum.{t.Name}.{name}"))
            .Where(key => text[key].ResourceNotFound)
            .ToList();

        missing.ShouldBeEmpty();
    }
}
