namespace PartyAffairs.App.Components;

/// <summary>
/// The addresses of the applications for disclosure (依申请公开) that the dashboard, the assessment and the notifications link
/// to; the pages themselves live in Features/Applications.
/// </summary>
public static class ApplicationLinks
{
    public const string List = "/applications";
    public const string Late = "/applications?late=1";

    public static string Item(int id) => $"/applications/{id}";
}
