namespace PartyAffairs.App.Domain;

/// <summary>How an application reached the bureau: on the website (/apply), or on paper registered by the Office.</summary>
public enum ApplicationChannel
{
    Online = 0,
    Letter = 1,
    Visit = 2,
    Phone = 3,
}
