using PartyAffairs.App.Domain;

namespace PartyAffairs.App.Features.Board;

/// <summary>The items of one category of one organization: standing content beside current content (§5(三)1), newest first.</summary>
public sealed record BoardCategoryGroup(Category Category, IReadOnlyList<BoardEntry> Standing, IReadOnlyList<BoardEntry> Current);
