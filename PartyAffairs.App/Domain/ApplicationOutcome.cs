namespace PartyAffairs.App.Domain;

/// <summary>
/// How an application was answered, in the categories of the State Council annual-report format's application table:
/// 予以公开, 部分公开, 不予公开, 已主动公开 (the information was already disclosed on the bureau's own initiative).
/// </summary>
public enum ApplicationOutcome
{
    Disclosed = 0,
    PartlyDisclosed = 1,
    Refused = 2,
    AlreadyDisclosed = 3,
}
