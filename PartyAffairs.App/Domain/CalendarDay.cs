namespace PartyAffairs.App.Domain;

/// <summary>An exception to the Monday-to-Friday week, from the State Council's holiday notice of the year.</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; private set; }
    public CalendarDayKind Kind { get; private set; }
    public string Name { get; private set; } = "";

    private CalendarDay() { }

    public CalendarDay(DateOnly date, CalendarDayKind kind, string name)
    {
        Date = date;
        Change(kind, name);
    }

    public void Change(CalendarDayKind kind, string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("Calendar.NameRequired");
        Kind = kind;
        Name = name.Trim();
    }
}
