namespace PartyAffairs.App.Domain;

public enum CalendarDayKind
{
    /// <summary>A public holiday: no work, even on a weekday.</summary>
    Holiday = 0,
    /// <summary>A make-up working day (调休上班) on a weekend.</summary>
    Workday = 1,
}
