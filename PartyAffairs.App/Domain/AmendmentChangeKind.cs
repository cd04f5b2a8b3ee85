namespace PartyAffairs.App.Domain;

public enum AmendmentChangeKind
{
    Add = 0,
    Change = 1,
    Retire = 2,
}
