using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Calendar;

/// <summary>One holiday or make-up working day as the Admin enters it. The date is a DateTime because MudDatePicker binds one; only its date counts.</summary>
public sealed class CalendarDayRequest
{
    public DateTime? Date { get; set; }
    public CalendarDayKind Kind { get; set; } = CalendarDayKind.Holiday;
    public string Name { get; set; } = "";

    public DateOnly Day => DateOnly.FromDateTime(Date ?? throw new InvalidOperationException("Validate the request first."));
}
