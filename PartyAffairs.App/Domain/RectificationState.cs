namespace PartyAffairs.App.Domain;

public enum RectificationState
{
    Open = 0,
    Done = 1,
}
