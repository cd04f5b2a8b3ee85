namespace PartyAffairs.App.Domain;

public enum DisclosureState
{
    Draft = 0,
    Submitted = 1,
    Approved = 2,
    Published = 3,
    Closed = 4,
    Rejected = 5,
    Withdrawn = 6,
}
