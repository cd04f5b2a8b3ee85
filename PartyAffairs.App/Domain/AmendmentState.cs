namespace PartyAffairs.App.Domain;

public enum AmendmentState
{
    Draft = 0,
    Submitted = 1,
    Approved = 2,
}
