namespace PartyAffairs.App.Domain;

public enum InspectionFinding
{
    Satisfactory = 0,
    NeedsImprovement = 1,
    Unsatisfactory = 2,
}
