namespace PartyAffairs.App.Features.BoardPostings;

/// <summary>A posted board as the dialog sends it: the photo's bytes are read in the browser's circuit, capped by the dialog.</summary>
public sealed class RecordBoardPostingRequest
{
    public int OrganizationId { get; set; }
    public DateTime? PostedOn { get; set; }
    public string Location { get; set; } = "";
    public string PhotoFileName { get; set; } = "";
    public byte[] PhotoContent { get; set; } = [];
    public List<int> DisclosureIds { get; set; } = [];
}
