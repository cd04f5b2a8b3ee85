namespace PartyAffairs.App.Features.Home;

/// <summary>Feedback the designated handler still has to carry through, the most pressing first.</summary>
public sealed record FeedbackHandlerHome(CountedList<FeedbackLine> ToHandle, int Late);
