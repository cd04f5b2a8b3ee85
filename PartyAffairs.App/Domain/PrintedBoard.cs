using System.Linq.Expressions;

namespace PartyAffairs.App.Domain;

/// <summary>
/// What belongs on the printed board, the sheet that goes up on the physical 公开栏 in the hallway (DOMAIN.md "The
/// printed board is for the hallway"): items disclosed through the Board channel, Public ones only unless a signed-in
/// person explicitly chooses to include internal items. An anonymous choice counts for nothing. It narrows
/// <see cref="AccessPolicy.Sees"/>, never widens it: queries apply both.
/// </summary>
public static class PrintedBoard
{
    /// <summary>Whether internal items go on the sheet: only a signed-in person's explicit choice puts them there.</summary>
    public static bool IncludesInternal(Actor a, bool internalChosen) => internalChosen && a.IsAuthenticated;

    public static Expression<Func<Disclosure, bool>> Holds(Actor a, bool internalChosen) =>
        IncludesInternal(a, internalChosen)
            ? d => (d.Channels & Channel.Board) == Channel.Board
            : d => (d.Channels & Channel.Board) == Channel.Board && d.Audience == Audience.Public;
}
