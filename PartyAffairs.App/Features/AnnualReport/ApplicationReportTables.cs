using Microsoft.Extensions.Localization;
using PartyAffairs.App.Components;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Assessment;
using PartyAffairs.App.Resources;

namespace PartyAffairs.App.Features.AnnualReport;

/// <summary>
/// The annual report's tables of applications for disclosure, after the application tables of the State Council's format
/// (《政府信息公开工作年度报告格式》 第三部分 收到和处理政府信息公开申请情况), with the applicant's channel where the format has the kind
/// of applicant: received and carried over; the results of those handled in the year (不予公开 by reason) and those carried
/// forward; answered on time or late; the same per organization. Every figure is <see cref="ApplicationCounting"/>'s.
/// </summary>
public static class ApplicationReportTables
{
    public static IReadOnlyList<ReportTable> Build(ApplicationAssessmentView applications, EnumLabels labels, IStringLocalizer<ApplicationReportStrings> text)
    {
        var (facts, w) = (applications.Facts, applications.Window);
        var channels = Enum.GetValues<ApplicationChannel>();
        string[] byChannel = [text["Report.Col.Item"], .. channels.Select(c => labels.Of(c)), text["Total"]];

        ReportLine ByChannel(string label, Func<ApplicationFact, ApplicationWindow, bool> rule, bool isTotal = false)
        {
            var counted = facts.Where(f => rule(f, w)).ToList();
            return new(label, [.. channels.Select(c => (double?)counted.Count(f => f.Channel == c)), counted.Count], isTotal);
        }
        Func<ApplicationFact, ApplicationWindow, bool> As(ApplicationOutcome outcome) => (f, w) => ApplicationCounting.HandledAs(f, w, outcome);
        var refusals = Enum.GetValues<ApplicationRefusal>();
        var total = applications.Total;

        return
        [
            new(text["Report.Sheet.Received"], text["Report.Table.Received"], byChannel,
            [
                ByChannel(text["Report.Line.Received"], ApplicationCounting.ReceivedIn),
                ByChannel(text["Report.Line.CarriedOver"], ApplicationCounting.CarriedOver),
                ByChannel(text["Total"], (f, w) => ApplicationCounting.ReceivedIn(f, w) || ApplicationCounting.CarriedOver(f, w), isTotal: true),
            ], text["Report.Note.Received"]),

            new(text["Report.Sheet.Results"], text["Report.Table.Results"], byChannel,
            [
                ByChannel(text["Report.Line.Disclosed", labels.Of(ApplicationOutcome.Disclosed)], As(ApplicationOutcome.Disclosed)),
                ByChannel(text["Report.Line.PartlyDisclosed", labels.Of(ApplicationOutcome.PartlyDisclosed)], As(ApplicationOutcome.PartlyDisclosed)),
                ByChannel(text["Report.Line.Refused", labels.Of(ApplicationOutcome.Refused)], As(ApplicationOutcome.Refused)),
                .. refusals.Select((r, i) => ByChannel(text["Report.Line.RefusedFor", i + 1, labels.Of(r)], (f, w) => ApplicationCounting.RefusedFor(f, w, r))),
                ByChannel(text["Report.Line.AlreadyDisclosed", labels.Of(ApplicationOutcome.AlreadyDisclosed)], As(ApplicationOutcome.AlreadyDisclosed)),
                ByChannel(text["Report.Line.Handled"], ApplicationCounting.HandledIn, isTotal: true),
                ByChannel(text["Report.Line.CarriedForward"], ApplicationCounting.CarriedForward),
            ], text["Report.Note.Results"]),

            new(text["Report.Sheet.Timeliness"], text["Report.Table.Timeliness"], [text["Report.Col.Item"], text["Report.Col.Count"]],
            [
                new(text["Report.Line.OnTime"], [facts.Count(f => ApplicationCounting.AnsweredOnTimeIn(f, w))]),
                new(text["Report.Line.Late"], [total.AnsweredLate]),
                new(text["Report.Line.Handled"], [total.Answered], IsTotal: true),
                new(text["Report.Line.OpenLate"], [total.OpenLate]),
            ], text["Report.Note.Timeliness"]),

            new(text["Report.Sheet.Organization"], text["Report.Table.Organization"],
                [text["Column.Organization"], text["Measure.Received"], labels.Of(ApplicationOutcome.Disclosed), labels.Of(ApplicationOutcome.PartlyDisclosed),
                    labels.Of(ApplicationOutcome.Refused), labels.Of(ApplicationOutcome.AlreadyDisclosed), text["Measure.AnsweredLate"], text["Measure.OpenLate"]],
            [
                .. applications.Rows.Select(r => Line(r, false)),
                Line(total, true),
            ], text["Report.Note.Organization"], PerOrganization: true),
        ];
    }

    private static ReportLine Line(ApplicationAssessmentRow r, bool isTotal) =>
        new(r.OrganizationName, [r.Received, r.Disclosed, r.PartlyDisclosed, r.Refused, r.AlreadyDisclosed, r.AnsweredLate, r.OpenLate], isTotal);
}
