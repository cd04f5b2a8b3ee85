using PartyAffairs.App.Features.Assessment;

namespace PartyAffairs.Tests.Features.Assessment;

/// <summary>The median of handling times, read from how many feedback took each number of days.</summary>
public sealed class AssessmentRulesTests
{
    [Fact]
    public void The_median_of_an_odd_number_of_values_is_the_middle_one() =>
        // 1, 2, 2, 5, 9
        AssessmentRules.Median([(5, 1), (2, 2), (1, 1), (9, 1)]).ShouldBe(2);

    [Fact]
    public void The_median_of_an_even_number_of_values_is_the_mean_of_the_two_middle_ones() =>
        // 1, 1, 1, 4, 6, 6 → (1 + 4) / 2
        AssessmentRules.Median([(6, 2), (1, 3), (4, 1)]).ShouldBe(2.5);

    [Fact]
    public void Counts_for_the_same_value_from_different_groups_add_up() =>
        // 3, 3 (abusive and not, say) and 7: the middle is 3
        AssessmentRules.Median([(3, 1), (7, 1), (3, 1), (8, 0)]).ShouldBe(3);

    [Fact]
    public void No_values_have_no_median() =>
        AssessmentRules.Median([(4, 0)]).ShouldBeNull();
}
