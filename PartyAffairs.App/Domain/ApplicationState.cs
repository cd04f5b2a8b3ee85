namespace PartyAffairs.App.Domain;

/// <summary>Where an application for disclosure (依申请公开) stands: received (online or registered by the Office), assigned to a handler, answered.</summary>
public enum ApplicationState
{
    Received = 0,
    Assigned = 1,
    Answered = 2,
}
