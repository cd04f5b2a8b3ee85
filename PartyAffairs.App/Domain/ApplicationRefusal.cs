namespace PartyAffairs.App.Domain;

/// <summary>Why an application was refused (不予公开), from the list the annual report counts; <see cref="Other"/> needs its own text.</summary>
public enum ApplicationRefusal
{
    StateSecret = 0,
    Privacy = 1,
    NotOurDuty = 2,
    DoesNotExist = 3,
    Other = 4,
}
