namespace PartyAffairs.App.Resources;

/// <summary>Marker for the strings of the board postings (公开栏张贴记录; PostingStrings.resx is Chinese, PostingStrings.en.resx English).</summary>
public sealed class PostingStrings;
