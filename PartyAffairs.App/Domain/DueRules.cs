namespace PartyAffairs.App.Domain;

/// <summary>
/// How many working days each kind of occurrence has: a regular item after its period ends, a phase
/// after the Secretary opens it, an immediate item after the event, a standing (长期) line after the catalogue comes into
/// force (settings; defaults from the catalogue issue).
/// </summary>
public sealed record DueRules(int Monthly = 5, int Quarterly = 10, int HalfYearly = 10, int Yearly = 15, int Phase = 5, int Immediate = 5,
    int Standing = 10)
{
    public int For(Cadence cadence) => cadence switch
    {
        Cadence.Monthly => Monthly,
        Cadence.Quarterly => Quarterly,
        Cadence.HalfYearly => HalfYearly,
        Cadence.Yearly => Yearly,
        Cadence.Phased => Phase,
        _ => Immediate,
    };
}
