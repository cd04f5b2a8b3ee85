namespace PartyAffairs.App.Domain;

public enum CatalogueState
{
    Draft = 0,
    Submitted = 1,
    Approved = 2,
    InForce = 3,
}
