namespace PartyAffairs.App.Domain;

/// <summary>A seat in the bureau's Party-affairs disclosure leading group (领导小组) or its office.</summary>
public sealed class LeadingGroupMember
{
    public int Id { get; private set; }
    public string PersonName { get; private set; } = "";
    /// <summary>The post that brings the seat, e.g. 机关党委书记.</summary>
    public string Post { get; private set; } = "";
    public LeadingGroupPosition Position { get; private set; }
    public string? UserId { get; private set; }
    public int SortOrder { get; private set; }

    private LeadingGroupMember() { }

    public LeadingGroupMember(string personName, string post, LeadingGroupPosition position, string? userId, int sortOrder)
    {
        PersonName = personName;
        Post = post;
        Position = position;
        UserId = userId;
        SortOrder = sortOrder;
    }
}
